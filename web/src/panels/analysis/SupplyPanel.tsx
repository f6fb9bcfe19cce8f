/**
 * The supply-chain panel for the selected entity: its dependency tree drawn in layers (inputs above
 * what needs them), coloured by country bloc, with cuts marked; the same tree as text; the exposure
 * list with a counterfactual country; and, for a policy, what the rule cuts (impact). What would be
 * left without it is the next tab's (LossPanel).
 */

import type { ElementDefinition } from "cytoscape";
import { useMemo, useRef, useState } from "react";
import { type DependencyTree, fetchDependencies, fetchExposure } from "../../api/documents.js";
import type { OntologyInfo } from "../../api/types.js";
import { useExplorer } from "../../app/explorer.js";
import { BLOC_COLOURS, BLOCS } from "../../graph/blocs.js";
import { entityLabel, relationLabel } from "../../graph/elements.js";
import { SupplyGraph, type SupplyGraphHandle } from "../../graph/SupplyGraph.js";
import { supplyElements } from "../../graph/supplyElements.js";
import { needsRows } from "../../graph/supplyNeeds.js";
import { CUT_COLOUR, supplyStyle } from "../../graph/supplyStyle.js";
import { fill, type Strings, useI18n } from "../../i18n/index.js";
import { alongsideOf, STOP_COUNTRIES } from "../../state/view.js";
import { Check, toggle } from "../Check.js";
import { TreeQuestions } from "../OpenQuestions.js";
import { AnalysisState, AsOfLine, EntityButton, EntityList, OnSelection, useAsOfDay } from "./common.js";
import { ExposureList } from "./ExposureList.js";
import { ImpactView } from "./ImpactView.js";
import { useAnalysis } from "./useAnalysis.js";
import "./analysis.css";

export function SupplyPanel() {
  const { atlas } = useExplorer();
  const { t, lang } = useI18n();
  const { view, ontology } = atlas;
  if (!ontology) return null;
  return (
    <OnSelection pick={t.supplyPick} testId="supply-empty">
      {(id, entity) => {
        const name = entityLabel(entity, lang);
        return (
          <section className="analysis" aria-labelledby="supply-title" data-testid="supply-panel">
            <h2 id="supply-title">{entity.kind === "POLICY" ? `${name}: ${impactTitle(t, alongsideOf(view, id).length)}` : fill(t.supplyTitle, { name })}</h2>
            <AsOfLine />
            {entity.kind === "POLICY" ? (
              <ImpactView policy={id} ontology={ontology} />
            ) : (
              <SupplyChain id={id} name={name} trained={ontology.kinds.some((k) => k.kind === entity.kind && k.finished)} ontology={ontology} />
            )}
          </section>
        );
      }}
    </OnSelection>
  );
}

function impactTitle(t: Strings, together: number): string {
  return together > 0 ? fill(t.impactTitleTogether, { n: together }) : t.impactTitle;
}

/** `trained`: of a finished kind (a trained model), which keeps what it was made with: the analysis never cuts its own links. */
function SupplyChain({ id, name, trained, ontology }: { id: string; name: string; trained: boolean; ontology: OntologyInfo }) {
  const { atlas } = useExplorer();
  const { t, lang, country } = useI18n();
  const asOf = useAsOfDay();
  const stop = atlas.view.stopCountries;
  const tree = useAnalysis(`dependencies|${id}|${asOf ?? ""}`, (signal) => fetchDependencies(id, asOf, signal));
  const exposure = useAnalysis(`exposure|${id}|${asOf ?? ""}|${stop.join(",")}`, (signal) => fetchExposure(id, asOf, stop, signal));
  // Drawn once the exposure has settled too (its cuts and rules are part of the drawing), so the
  // tree is laid out once rather than twice; while another country's exposure loads, the last
  // drawing stays.
  const exposureSettled = exposure.data !== undefined || exposure.error !== undefined;
  const drawn = useRef<ElementDefinition[]>([]);
  const elements = useMemo(() => {
    if (!tree.data) return [];
    if (!exposureSettled) return drawn.current;
    drawn.current = supplyElements(tree.data, ontology, { lang, t, selected: id, exposure: exposure.data });
    return drawn.current;
  }, [tree.data, exposure.data, exposureSettled, ontology, lang, t, id]);
  const stylesheet = useMemo(() => supplyStyle(ontology), [ontology]);
  const [cropped, setCropped] = useState(false);
  const drawing = useRef<SupplyGraphHandle>(null);
  return (
    <>
      <p className="muted">{t.supplyIntro}</p>
      <AnalysisState analysis={tree} />
      {tree.data &&
        (tree.data.nodes.length <= 1 ? (
          <>
            <p className="notice">{fill(t.supplyEmpty, { name })}</p>
            <TreeQuestions nodes={tree.data.nodes} ontology={ontology} />
          </>
        ) : (
          <>
            <SupplyLegend />
            <SupplyGraph
              ref={drawing}
              elements={elements}
              stylesheet={stylesheet}
              label={fill(t.supplyGraphLabel, { name, n: tree.data.nodes.length })}
              onSelect={atlas.actions.bringIn}
              onCropped={setCropped}
            />
            {cropped && (
              <p className="muted" data-testid="supply-cropped">
                {t.supplyCropped}{" "}
                <button type="button" className="link-button" onClick={() => drawing.current?.fitWhole()} data-testid="supply-whole">
                  {t.supplyWhole}
                </button>
              </p>
            )}
            {tree.data.truncated && <p className="notice">{t.supplyTruncated}</p>}
            <TreeQuestions nodes={tree.data.nodes} ontology={ontology} />
            <NeedsList tree={tree.data} ontology={ontology} />
          </>
        ))}
      <section aria-labelledby="exposure-title" className="analysis-section">
        <h3 id="exposure-title">{t.exposureTitle}</h3>
        <p className="muted">{t.exposureIntro}</p>
        {trained && (
          <p className="notice" data-testid="exposure-trained">
            {t.exposureTrained}
          </p>
        )}
        <fieldset className="check-group stop-countries" data-testid="exposure-countries">
          <legend>{t.exposureCountry}</legend>
          {STOP_COUNTRIES.map((c) => (
            <Check key={c} checked={stop.includes(c)} onChange={() => atlas.actions.setStopCountries(toggle(stop, c))} testId={`exposure-country-${c}`}>
              {country(c)} ({c})
            </Check>
          ))}
          <p className="muted">{stop.length ? t.exposureCountriesTogether : t.exposureNoCountry}</p>
        </fieldset>
        <AnalysisState analysis={exposure} />
        {exposure.data &&
          (exposure.data.length ? (
            <ExposureList rows={exposure.data} ontology={ontology} testId="exposure" />
          ) : (
            <p className="notice" data-testid="exposure-nothing">
              {t.exposureNothing}
            </p>
          ))}
      </section>
    </>
  );
}

function SupplyLegend() {
  const { t } = useI18n();
  return (
    <ul className="supply-legend" aria-label={t.legend} data-testid="supply-legend">
      {BLOCS.map((b) => (
        <li key={b}>
          <span className="swatch round" style={{ background: BLOC_COLOURS[b] }} aria-hidden="true" /> {t.blocs[b]}
        </li>
      ))}
      <li>
        <span className="swatch junction" aria-hidden="true" /> {t.legendJunction}
      </li>
      <li>
        <span className="swatch round cut" style={{ borderColor: CUT_COLOUR }} aria-hidden="true" /> {t.legendCut}
      </li>
      <li>
        <span className="swatch rule" aria-hidden="true" /> {t.legendRule}
      </li>
    </ul>
  );
}

/** The tree as text: for each entity, what it needs and who can provide it. */
function NeedsList({ tree, ontology }: { tree: DependencyTree; ontology: OntologyInfo }) {
  const { t, lang } = useI18n();
  const rows = needsRows(tree, ontology);
  return (
    <section aria-labelledby="needs-title" className="analysis-section">
      <h3 id="needs-title">{t.supplyNeeds}</h3>
      <ul className="needs-list" data-testid="supply-needs">
        {rows.map(({ node, groups, inputs }) => (
          <li key={node.id}>
            <EntityButton entity={node} /> <span className="muted">{t.supplyNeedsRow}</span>
            <ul>
              {groups.map((g) => (
                <li key={`${g.relationType}|${g.item.id}`}>
                  {relationLabel(g.relationType, ontology, lang)}
                  {g.item.id !== node.id && <> ({entityLabel(g.item, lang)})</>} —{" "}
                  {g.providers.length > 1 ? fill(t.supplyAnyOf, { n: g.providers.length }) : t.supplySingleSource}:{" "}
                  <EntityList entities={g.providers.map((p) => p.entity)} />
                </li>
              ))}
              {inputs.map((i) => (
                <li key={i.key}>
                  {relationLabel(i.type, ontology, lang)}
                  {i.entities.length > 1 && <> — {fill(t.supplyAnyOf, { n: i.entities.length })}</>}: <EntityList entities={i.entities} />
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </section>
  );
}
