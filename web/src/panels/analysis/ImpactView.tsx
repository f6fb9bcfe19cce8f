/**
 * What a rule cuts on the day, alone or with the rules on the same items applied together
 * (coordinated controls): what they restrict, the links they bind, and what falls downstream.
 */
import { fetchImpact } from "../../api/documents.js";
import type { OntologyInfo } from "../../api/types.js";
import { useExplorer } from "../../app/explorer.js";
import { entityLabel } from "../../graph/elements.js";
import { fill, useI18n } from "../../i18n/index.js";
import { alongsideOf } from "../../state/view.js";
import { attributeValue } from "../attribute-labels.js";
import { Check, toggle } from "../Check.js";
import { AnalysisState, EntityList, PathTable, useAsOfDay } from "./common.js";
import { ExposureList } from "./ExposureList.js";
import { useAnalysis } from "./useAnalysis.js";

export function ImpactView({ policy, ontology }: { policy: string; ontology: OntologyInfo }) {
  const { t, lang } = useI18n();
  const { atlas } = useExplorer();
  const asOf = useAsOfDay();
  const alongside = alongsideOf(atlas.view, policy);
  const impact = useAnalysis(`impact|${policy}|${alongside.join(",")}|${asOf ?? ""}`, (signal) => fetchImpact(policy, alongside, asOf, signal));
  const data = impact.data;
  // The rules to offer: those chosen, then the others on the same items.
  // A licence regime says why it cuts nothing; an outright ban (`prohibited`) cuts, so it needs no such word.
  const regime = data && "licensing" in data.policy ? data.policy.licensing : undefined;
  const licensing = regime === "prohibited" ? undefined : regime;
  // An import ban binds its own country's buyers, so licensing and destinations do not explain what it leaves.
  const imports = data !== undefined && "direction" in data.policy && data.policy.direction === "imports";
  // Everything it restricts is reviewed case by case: the notice above already says it cuts nothing.
  const onlyCaseByCase = data !== undefined && data.restricted.length > 0 && data.restricted.every((r) => data.caseByCase.some((c) => c.id === r.id));
  const others = data ? [...data.alongside, ...data.overlapping.filter((o) => !data.alongside.some((a) => a.id === o.id))] : [];
  return (
    <div data-testid="impact">
      <AnalysisState analysis={impact} />
      {data && (
        <>
          {others.length > 0 && (
            <fieldset className="check-group" data-testid="impact-together">
              <legend>{t.impactTogether}</legend>
              <p className="muted">{t.impactTogetherIntro}</p>
              {others.map((o) => (
                <Check
                  key={o.id}
                  checked={alongside.includes(o.id)}
                  onChange={() => atlas.actions.setAlongside(policy, toggle(alongside, o.id))}
                  testId={`impact-with-${o.id}`}
                >
                  {entityLabel(o, lang)}
                </Check>
              ))}
            </fieldset>
          )}
          {data.suspendedBy.length > 0 && (
            <p className="notice" data-testid="impact-suspended">
              {t.impactSuspended} <EntityList entities={data.suspendedBy} />
            </p>
          )}
          <section aria-labelledby="impact-restricted" className="analysis-section">
            <h3 id="impact-restricted">{t.impactRestricted}</h3>
            <p data-testid="impact-restricted">
              <EntityList entities={data.restricted} empty={t.none} />
            </p>
            {data.caseByCase.length > 0 && (
              <p className="notice" data-testid="impact-case-by-case">
                {t.impactCaseByCase} <EntityList entities={data.caseByCase} />
              </p>
            )}
          </section>
          {data.cuts.length === 0 && data.affected.length === 0 ? (
            !onlyCaseByCase && (
              <p className="notice" data-testid="impact-nothing">
                {imports
                  ? t.impactNothingImports
                  : licensing
                    ? fill(t.impactLicensing, { scope: attributeValue(ontology, "POLICY", "licensing", licensing, lang) })
                    : t.impactNothing}
              </p>
            )
          ) : (
            <>
              <section aria-labelledby="impact-cuts" className="analysis-section">
                <h3 id="impact-cuts">{t.impactCuts}</h3>
                <ExposureList rows={data.cuts} ontology={ontology} testId="impact-cuts" />
              </section>
              <section aria-labelledby="impact-affected" className="analysis-section">
                <h3 id="impact-affected">{t.impactAffected}</h3>
                <PathTable
                  testId="impact-affected"
                  rows={data.affected.map((a) => ({
                    entity: a.entity,
                    distance: a.distance === 0 ? t.impactDirect : fill(t.impactDistance, { n: a.distance }),
                    path: a.path,
                  }))}
                />
              </section>
            </>
          )}
          {data.truncated && <p className="notice">{t.supplyTruncated}</p>}
        </>
      )}
    </div>
  );
}
