/** Cut inputs (ids) as the API's CutInput objects. */
import type { CutInput } from "../../analysis/answers.js";
import type { Projection } from "../analysis.js";

export function cutInputs(cuts: CutInput[], p: Projection) {
  return cuts.map((c) => ({
    cut: c.cut,
    dependent: p.entity(c.dependent),
    input: p.entity(c.input),
    relationType: c.type,
    cause: c.cause,
    rules: p.entities(c.rules),
    country: c.country ?? null,
    countries: c.countries,
    path: p.entities(c.path),
    providers: p.entities(c.providers),
    providersLeft: p.entities(c.providersLeft),
    since: c.since ?? null,
    relations: p.relations(c.relations),
  }));
}
