/** The compare tab's figures lined up (web/src/panels/analysis/figureRows.ts): one row per measure and unit. */
import { describe, expect, it } from "vitest";
import { lineUpFigures } from "../../web/src/panels/analysis/figureRows.js";

const figure = (id: string, measure: string | undefined, unit: string | undefined) => ({ id, metric: { measure, unit } });
const ids = (figures: readonly { id: string }[]) => figures.map((f) => f.id);
const MEASURES = ["compute", "compute-utilisation", "power", "memory-capacity", "revenue"];

describe("the compared entities' figures, lined up", () => {
  const cm384 = [
    figure("cm-power", "power", "kW"),
    figure("cm-bf16", "compute", "PFLOPS (dense BF16)"),
    figure("cm-util", "compute-utilisation", "% compute utilisation"),
    figure("cm-opinion", undefined, "generation behind"),
  ];
  const nvl72 = [
    figure("nvl-bf16", "compute", "PFLOPS (dense BF16)"),
    figure("nvl-power", "power", "kW"),
    figure("nvl-shipments", undefined, "racks"),
    figure("nvl-power-gw", "power", "GW"),
  ];

  it("puts the figures of one measure and unit side by side, in the ontology's order of measures", () => {
    const { rows } = lineUpFigures([cm384, nvl72], MEASURES);
    expect(rows.map((r) => [r.measure, r.unit])).toEqual([
      ["compute", "PFLOPS (dense BF16)"],
      ["power", "kW"],
    ]);
    expect(rows[1]?.cells.map(ids)).toEqual([["cm-power"], ["nvl-power"]]);
  });

  it("leaves with its entity a figure no other compared entity has: a measure alone, another unit, or no measure", () => {
    const { rest } = lineUpFigures([cm384, nvl72], MEASURES);
    expect(rest.map(ids)).toEqual([
      ["cm-util", "cm-opinion"],
      ["nvl-shipments", "nvl-power-gw"],
    ]);
  });

  it("keeps a row's empty cells for the entities without the figure, and several figures of one cell together", () => {
    const third = [figure("x-bf16-a", "compute", "PFLOPS (dense BF16)"), figure("x-bf16-b", "compute", "PFLOPS (dense BF16)")];
    const { rows } = lineUpFigures([cm384, [], third], MEASURES);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.cells.map(ids)).toEqual([["cm-bf16"], [], ["x-bf16-a", "x-bf16-b"]]);
  });

  it("makes no row of one entity's figures, however many", () => {
    expect(lineUpFigures([cm384, []], MEASURES).rows).toEqual([]);
    expect(lineUpFigures([[figure("a", "revenue", "billion USD"), figure("b", "revenue", "billion USD")], []], MEASURES).rows).toEqual([]);
  });
});
