/**
 * Cut inputs (exposure, or the links a rule cuts): what loses what, why, the rule, the path, who is
 * left, since when. Where the cuts happen comes first (a rule, or countries stopping), then what
 * keeps some providers, then what is cut only because something further up is.
 */
import type { CutInput } from "../../api/documents.js";
import type { OntologyInfo } from "../../api/types.js";
import { entityLabel, relationLabel } from "../../graph/elements.js";
import { fill, useI18n } from "../../i18n/index.js";
import { EntityList, EntityPath } from "./common.js";

/** Where a row goes: direct cuts, then kept with providers left, then cuts further up (in tree order within each). */
export function byWhereCut(rows: readonly CutInput[]): CutInput[] {
  const rank = (c: CutInput) => (!c.cut ? 1 : c.cause === "UPSTREAM" ? 2 : 0);
  return [...rows].sort((a, b) => rank(a) - rank(b));
}

export function ExposureList({ rows, ontology, testId }: { rows: readonly CutInput[]; ontology: OntologyInfo; testId: string }) {
  const { t, lang, countries } = useI18n();
  return (
    <ul className="cut-list" data-testid={testId}>
      {byWhereCut(rows).map((c) => {
        const dependent = entityLabel(c.dependent, lang);
        const input = entityLabel(c.input, lang);
        // Cut from its own makers or designers: name them ("Ascend 910B loses SMIC"), not itself.
        const lost = c.input.id === c.dependent.id ? c.providers.map((p) => entityLabel(p, lang)).join(", ") : input;
        const key = `${c.dependent.id}|${c.relationType}|${c.input.id}|${c.cause}`;
        return (
          <li key={key} className={c.cut ? "cut" : "degraded"} data-testid={`${testId}-row`}>
            <p className="cut-head">
              <strong>
                {c.cut
                  ? fill(t.exposureLoses, { dependent, input: lost })
                  : fill(t.exposureKeeps, { dependent, input, left: c.providersLeft.length, n: c.providers.length })}
              </strong>{" "}
              <span className={`cause cause-${c.cause.toLowerCase()}`}>
                {fill((c.cut ? t.causes : t.keptCauses)[c.cause], { country: countries(c.countries) })}
              </span>{" "}
              <span className="muted">({relationLabel(c.relationType, ontology, lang)})</span>
            </p>
            <dl className="cut-facts">
              {c.rules.length > 0 && (
                <>
                  <dt>{t.exposureRule}</dt>
                  <dd>
                    <EntityList entities={c.rules} />
                  </dd>
                </>
              )}
              {c.reachedThrough.length > 0 && (
                <>
                  <dt>{t.exposureThrough}</dt>
                  <dd data-testid={`${testId}-through`}>
                    <EntityList entities={c.reachedThrough} />
                  </dd>
                </>
              )}
              <dt>{t.exposurePath}</dt>
              <dd>
                <EntityPath path={c.path} />
              </dd>
              <dt>{t.exposureLeft}</dt>
              <dd>
                <EntityList entities={c.providersLeft} empty={t.none} />
              </dd>
              {c.since && (
                <>
                  <dt>{t.exposureSince}</dt>
                  <dd>{c.since}</dd>
                </>
              )}
            </dl>
          </li>
        );
      })}
    </ul>
  );
}
