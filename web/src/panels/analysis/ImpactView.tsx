/** What one rule cuts on the day: what it restricts, the links it binds, and what falls downstream. */
import { fetchImpact } from "../../api/documents.js";
import type { OntologyInfo } from "../../api/types.js";
import { fill, useI18n } from "../../i18n/index.js";
import { AnalysisState, EntityButton, EntityList, EntityPath, useAsOfDay } from "./common.js";
import { ExposureList } from "./ExposureList.js";
import { useAnalysis } from "./useAnalysis.js";

export function ImpactView({ policy, ontology }: { policy: string; ontology: OntologyInfo }) {
  const { t } = useI18n();
  const asOf = useAsOfDay();
  const impact = useAnalysis(`impact|${policy}|${asOf ?? ""}`, (signal) => fetchImpact(policy, asOf, signal));
  const data = impact.data;
  return (
    <div data-testid="impact">
      <AnalysisState analysis={impact} />
      {data && (
        <>
          <section aria-labelledby="impact-restricted" className="analysis-section">
            <h3 id="impact-restricted">{t.impactRestricted}</h3>
            <p data-testid="impact-restricted">
              <EntityList entities={data.restricted} empty={t.none} />
            </p>
          </section>
          {data.cuts.length === 0 && data.affected.length === 0 ? (
            <p className="notice" data-testid="impact-nothing">
              {t.impactNothing}
            </p>
          ) : (
            <>
              <section aria-labelledby="impact-cuts" className="analysis-section">
                <h3 id="impact-cuts">{t.impactCuts}</h3>
                <ExposureList rows={data.cuts} ontology={ontology} testId="impact-cuts" />
              </section>
              <section aria-labelledby="impact-affected" className="analysis-section">
                <h3 id="impact-affected">{t.impactAffected}</h3>
                <table className="analysis-table" data-testid="impact-affected">
                  <thead>
                    <tr>
                      <th scope="col">{t.colName}</th>
                      <th scope="col">{t.colDistance}</th>
                      <th scope="col">{t.exposurePath}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.affected.map((a) => (
                      <tr key={a.entity.id}>
                        <th scope="row">
                          <EntityButton entity={a.entity} />
                        </th>
                        <td>{a.distance === 0 ? t.impactDirect : fill(t.impactDistance, { n: a.distance })}</td>
                        <td>
                          <EntityPath path={a.path} />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </section>
            </>
          )}
          {data.truncated && <p className="notice">{t.supplyTruncated}</p>}
        </>
      )}
    </div>
  );
}
