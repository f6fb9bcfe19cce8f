/** The front-page map's banding (server/src/map/bands.ts) and the layout's promise: every entity inside its cell. */
import { describe, expect, it } from "vitest";
import { bandOf, columnOf, MAP_COLUMNS, MAP_ROWS, rowOf } from "../../server/src/map/bands.js";
import { layoutMap } from "../../server/src/map/layout.js";
import { loadOntology } from "../../server/src/ontology.js";

describe("map bands", () => {
  it("puts each kind in its layer of the stack, top to bottom", () => {
    const rows = ["POLICY", "MATERIAL", "TECHNOLOGY", "FACILITY", "CHIP", "SYSTEM", "MODEL", "ORGANIZATION", "PERSON", "METRIC"].map(rowOf);
    expect(rows).toEqual(["rules", "materials", "technology", "facilities", "chips", "systems", "models", "actors", "actors", "figures"]);
    expect(MAP_ROWS.map((r) => r.id)).toEqual(["rules", "materials", "technology", "facilities", "chips", "systems", "models", "actors", "figures"]);
  });

  it("gives every kind of the ontology a row of its own choosing (none falls back)", () => {
    const named = new Set(MAP_ROWS.flatMap((r) => r.kinds));
    expect(
      loadOntology()
        .kinds.map((k) => k.kind)
        .filter((k) => !named.has(k)),
    ).toEqual([]);
  });

  it("puts China, Hong Kong and Macao on one side, the US and its allies on the other, the rest between", () => {
    expect(["CN", "HK", "MO"].map(columnOf)).toEqual(["china", "china", "china"]);
    expect(["US", "JP", "NL", "KR", "TW", "GB", "DE", "FR", "CA", "AU", "IL"].map(columnOf).every((c) => c === "allies")).toBe(true);
    expect(["SG", "MY", "AE", "IN", "RU", "CH", null, undefined, ""].map(columnOf).every((c) => c === "elsewhere")).toBe(true);
    expect(MAP_COLUMNS.map((c) => c.id)).toEqual(["china", "elsewhere", "allies"]);
    expect(bandOf({ kind: "CHIP", country: "CN" })).toEqual({ row: "chips", column: "china" });
    expect(bandOf({ kind: "POLICY", country: "US" })).toEqual({ row: "rules", column: "allies" });
  });

  it("labels every band in English and Chinese", () => {
    for (const b of [...MAP_ROWS, ...MAP_COLUMNS]) {
      expect(b.label).not.toBe("");
      expect(b.labelZh).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});

describe("map layout", () => {
  const kinds = MAP_ROWS.flatMap((r) => r.kinds);
  const countries = ["CN", "US", "SG", null, "HK", "JP"];
  const nodes = Array.from({ length: 120 }, (_, i) => ({ id: `e${i}`, kind: kinds[i % kinds.length] as string, country: countries[i % countries.length] }));
  const edges = Array.from({ length: 300 }, (_, i) => ({ from: `e${(i * 7) % 120}`, to: `e${(i * 13 + 5) % 120}` }));

  it("places every entity once, inside the rectangle where its row and column cross", () => {
    const map = layoutMap(nodes, edges);
    expect(map.positions.size).toBe(nodes.length);
    for (const n of nodes) {
      const p = map.positions.get(n.id);
      const band = bandOf(n);
      const row = map.rows.find((r) => r.id === band.row);
      const column = map.columns.find((c) => c.id === band.column);
      if (!p || !row || !column) throw new Error(`missing ${n.id}`);
      expect([p.row, p.column]).toEqual([band.row, band.column]);
      expect(p.x).toBeGreaterThanOrEqual(column.x);
      expect(p.x).toBeLessThanOrEqual(column.x + column.width);
      expect(p.y).toBeGreaterThanOrEqual(row.y);
      expect(p.y).toBeLessThanOrEqual(row.y + row.height);
    }
  });

  it("stacks rows downwards and columns rightwards without overlap, and gives the same map for the same graph", () => {
    const map = layoutMap(nodes, edges);
    for (let i = 1; i < map.rows.length; i++) expect(map.rows[i]?.y).toBeGreaterThan((map.rows[i - 1]?.y ?? 0) + (map.rows[i - 1]?.height ?? 0));
    for (let i = 1; i < map.columns.length; i++) expect(map.columns[i]?.x).toBeGreaterThan((map.columns[i - 1]?.x ?? 0) + (map.columns[i - 1]?.width ?? 0));
    expect([...layoutMap([...nodes].reverse(), edges).positions].sort()).toEqual([...map.positions].sort());
  });

  it("draws related entities of one cell nearer each other than unrelated ones", () => {
    // Two cliques in one cell, no link between them: the layout keeps them apart.
    const cell = Array.from({ length: 20 }, (_, i) => ({ id: `c${i}`, kind: "CHIP", country: "US" }));
    const clique = (from: number) => cell.slice(from, from + 10).flatMap((a, i, all) => all.slice(i + 1).map((b) => ({ from: a.id, to: b.id })));
    const map = layoutMap(cell, [...clique(0), ...clique(10)]);
    const at = (id: string) => map.positions.get(id) ?? { x: 0, y: 0 };
    const distance = (a: string, b: string) => Math.hypot(at(a).x - at(b).x, at(a).y - at(b).y);
    const mean = (pairs: [string, string][]) => pairs.reduce((s, [a, b]) => s + distance(a, b), 0) / pairs.length;
    const within = cell.flatMap((a, i) =>
      cell.filter((_b, j) => j > i && Math.floor(i / 10) === Math.floor(j / 10)).map((b) => [a.id, b.id] as [string, string]),
    );
    const across = cell.slice(0, 10).flatMap((a) => cell.slice(10).map((b) => [a.id, b.id] as [string, string]));
    expect(mean(within)).toBeLessThan(mean(across));
  });
});
