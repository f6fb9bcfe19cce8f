/** The compare tab's figures lined up (web/src/panels/analysis/figureRows.ts): one row per measure and unit. */
import { describe, expect, it } from "vitest";
import { figureInRow, lineUpFigures } from "../../web/src/panels/analysis/figureRows.js";
import { parseUnit } from "../../web/src/panels/analysis/figureUnits.js";

const figure = (id: string, measure: string | undefined, unit: string | undefined, value?: number) => ({ id, metric: { measure, unit, value } });
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
    figure("nvl-power-gw", "power", "GWh"),
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

  it("reads a scale apart from its unit: a number word, or a metric prefix on watts, FLOPS, OPS or bytes", () => {
    expect(parseUnit("million USD (final award)")).toEqual({ head: "million USD", exponent: 6, base: "USD", qualifier: "final award" });
    expect(parseUnit("PFLOPS (dense BF16)")).toMatchObject({ exponent: 15, base: "FLOPS", qualifier: "dense BF16" });
    expect(parseUnit("billion kWh")).toMatchObject({ exponent: 12, base: "Wh" });
    expect(parseUnit("TB/s (HBM3)")).toMatchObject({ exponent: 12, base: "B/s", qualifier: "HBM3" });
    expect(parseUnit("crore INR")).toMatchObject({ exponent: 7, base: "INR" });
    // Words that only look like a scale stay the unit itself.
    expect(parseUnit("GPUs")).toMatchObject({ exponent: 0, base: "GPUs" });
    expect(parseUnit("million")).toMatchObject({ exponent: 0, base: "million" });
    expect(parseUnit("% of revenue (Apple)")).toMatchObject({ exponent: 0, base: "% of revenue", qualifier: "Apple" });
    expect(parseUnit("constructor USD")).toMatchObject({ exponent: 0, base: "constructor USD" });
  });

  it("puts figures of one unit in another scale in one row, in the scale most of them use, with the value as published", () => {
    const intel = [figure("intel-award", "subsidy", "billion USD (final award)", 7.865)];
    const hynix = [figure("hynix-award", "subsidy", "million USD (final award)", 458)];
    const tsmc = [figure("tsmc-award", "subsidy", "billion USD (final award)", 6.6)];
    const { rows, rest } = lineUpFigures([intel, hynix, tsmc], ["subsidy"]);
    expect(rows).toHaveLength(1);
    const row = rows[0];
    if (!row) throw new Error("no row");
    expect(row.unit).toBe("billion USD (final award)");
    expect(row.cells.map(ids)).toEqual([["intel-award"], ["hynix-award"], ["tsmc-award"]]);
    expect(figureInRow(row, hynix[0] as (typeof hynix)[0])).toEqual({
      value: 0.458,
      unit: "billion USD (final award)",
      published: "458 million USD (final award)",
    });
    expect(figureInRow(row, intel[0] as (typeof intel)[0])).toEqual({ value: 7.865, unit: "billion USD (final award)" });
    expect(rest).toEqual([[], [], []]);
  });

  it("lines up figures of one measure and base unit whatever their qualifiers, each showing its own", () => {
    const h100 = [figure("h100-power", "power", "W (up to)", 700), figure("h100-bw", "memory-bandwidth", "TB/s (HBM3)", 3.35)];
    const l20 = [figure("l20-power", "power", "W (TDP)", 275), figure("l20-bw", "memory-bandwidth", "GB/s (GDDR6)", 864)];
    const b200 = [figure("b200-power", "power", "W (TDP)", 1000)];
    const { rows, rest } = lineUpFigures([h100, l20, b200], ["power", "memory-bandwidth"]);
    // The qualifiers differ, so the rows name only the unit; each value keeps its own.
    expect(rows.map((r) => [r.measure, r.unit, r.cells.map(ids)])).toEqual([
      ["power", "W", [["h100-power"], ["l20-power"], ["b200-power"]]],
      ["memory-bandwidth", "TB/s", [["h100-bw"], ["l20-bw"], []]],
    ]);
    expect(rest).toEqual([[], [], []]);
    const [power, bandwidth] = rows;
    if (!power || !bandwidth) throw new Error("no rows");
    expect(figureInRow(power, h100[0] as (typeof h100)[0])).toEqual({ value: 700, unit: "W (up to)" });
    // One figure in GB/s, one in TB/s: on a tie the row takes the larger scale.
    expect(bandwidth.head).toBe("TB/s");
    expect(figureInRow(bandwidth, l20[1] as (typeof l20)[1])).toEqual({ value: 0.864, unit: "TB/s (GDDR6)", published: "864 GB/s (GDDR6)" });
    expect(figureInRow(bandwidth, h100[1] as (typeof h100)[1])).toEqual({ value: 3.35, unit: "TB/s (HBM3)" });
  });

  it("keeps different base units and measures apart: dollars from yuan, FLOPS from OPS", () => {
    const a = [figure("a-usd", "revenue", "billion USD", 5), figure("a-flops", "compute", "TFLOPS (FP16)", 280)];
    const b = [figure("b-cny", "revenue", "billion CNY", 6.5), figure("b-ops", "compute", "TOPS (INT8)", 16)];
    expect(lineUpFigures([a, b], ["compute", "revenue"]).rows).toEqual([]);
  });
});
