/** Cut inputs (ids) as the API's CutInput objects. */
import type { CutInput } from "../../analysis/answers.js";
import type { Projection } from "../analysis.js";

/** The entities cut inputs name (to project before building them). */
export function cutInputEntities(cuts: CutInput[]): string[] {
  return cuts.flatMap((c) => [c.dependent, c.input, ...c.rules, ...c.through, ...c.path, ...c.providers]);
}

export function cutInputs(cuts: CutInput[], p: Projection) {
  return cuts.map((c) => ({
    cut: c.cut,
    dependent: p.entity(c.dependent),
    input: p.entity(c.input),
    relationType: c.type,
    cause: c.cause,
    rules: p.entities(c.rules),
    reachedThrough: p.entities(c.through),
    country: c.country ?? null,
    countries: c.countries,
    path: p.entities(c.path),
    providers: p.entities(c.providers),
    providersLeft: p.entities(c.providersLeft),
    since: c.since ?? null,
    relations: p.relations(c.relations),
  }));
}
