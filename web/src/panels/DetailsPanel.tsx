/** Details of the selected entity: both names, kind, country, attributes, and relations with sources. */
import type { ReactNode } from "react";
import { ENTITY_FIELDS } from "../../../server/src/core/model.generated.js";
import type { EntityDetail, OntologyInfo, RelationDetail, Source } from "../api/types.js";
import { entityLabel, kindLabel, relationLabel } from "../graph/elements.js";
import { fill, useI18n } from "../i18n/index.js";
import { attributeLabel, attributeText } from "./attribute-labels.js";
import { Bilingual } from "./Bilingual.js";
import { KindSwatch } from "./Legend.js";
import { OpenQuestions } from "./OpenQuestions.js";
import { QuoteList } from "./QuoteList.js";
import { safeUrl } from "./safe-url.js";
import "./DetailsPanel.css";

/** The base fields (shown above, or as relations): everything else on the entity is a kind attribute. */
const HIDDEN_FIELDS = new Set<string>(["__typename", ...ENTITY_FIELDS]);

function StatusBadge({ status }: { status: string }) {
  const { t } = useI18n();
  const label = t.statusNames[status as keyof typeof t.statusNames] ?? status;
  return <span className={`status status-${status}`}>{label}</span>;
}

function SourceItem({ source }: { source: Source }) {
  const href = safeUrl(source.url);
  const meta = [source.publisher, source.date].filter(Boolean).join(" · ");
  return (
    <li className="source">
      {href ? (
        <a href={href} target="_blank" rel="noopener noreferrer">
          {source.title}
        </a>
      ) : (
        <span>{source.title}</span>
      )}
      {meta && <span className="source-meta"> — {meta}</span>}
    </li>
  );
}

function RelationItem({
  relation,
  direction,
  ontology,
  onOpen,
}: {
  relation: RelationDetail;
  direction: "out" | "in";
  ontology: OntologyInfo;
  onOpen(id: string): void;
}) {
  const { t, lang } = useI18n();
  const other = direction === "out" ? relation.to : relation.from;
  const dates = [relation.since ? `${t.since} ${relation.since}` : "", relation.until ? `${t.until} ${relation.until}` : ""].filter(Boolean).join(", ");
  return (
    <li className="relation">
      <div className="relation-head">
        <span aria-hidden="true" className="relation-arrow">
          {direction === "out" ? "→" : "←"}
        </span>
        <button type="button" className="link-button" onClick={() => onOpen(other.id)}>
          <KindSwatch kind={other.kind} ontology={ontology} size={12} />
          {entityLabel(other, lang)}
        </button>
        <StatusBadge status={relation.status} />
        {dates && <span className="relation-dates">{dates}</span>}
      </div>
      {(relation.note || relation.noteZh) && (
        <div className="relation-note">
          <span className="visually-hidden">{t.note}: </span>
          <Bilingual en={relation.note} zh={relation.noteZh} />
        </div>
      )}
      <QuoteList quotes={relation.quotes ?? []} />
      {relation.sources.length ? (
        <ul className="sources" aria-label={t.sources}>
          {relation.sources.map((s) => (
            <SourceItem key={s.id} source={s} />
          ))}
        </ul>
      ) : (
        <p className="muted">{t.noSources}</p>
      )}
      {relation.checkedOn && (
        <p className="relation-checked" title={t.checkedOnTitle}>
          ✓ {t.checkedOn.replace("{date}", relation.checkedOn)}
        </p>
      )}
    </li>
  );
}

function RelationGroups({
  entity,
  direction,
  ontology,
  onOpen,
}: {
  entity: EntityDetail;
  direction: "out" | "in";
  ontology: OntologyInfo;
  onOpen(id: string): void;
}) {
  const { t, lang } = useI18n();
  const list = entity.relations.filter((r) => (direction === "out" ? r.from.id === entity.id : r.to.id === entity.id && r.from.id !== entity.id));
  if (!list.length) return null;
  const groups = new Map<string, RelationDetail[]>();
  for (const r of list) groups.set(r.type, [...(groups.get(r.type) ?? []), r]);
  return (
    <section className="relation-section">
      <h3>
        {direction === "out" ? t.outgoing : t.incoming} <span className="count">{list.length}</span>
      </h3>
      {[...groups.entries()].map(([type, rels]) => (
        <div key={type} className="relation-group">
          <h4>
            {relationLabel(type, ontology, lang)} <span className="count">{rels.length}</span>
          </h4>
          <ul>
            {rels.map((r) => (
              <RelationItem key={r.id} relation={r} direction={direction} ontology={ontology} onOpen={onOpen} />
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}

export function DetailsPanel({
  detail,
  ontology,
  toolbar,
  moreOffCanvas = 0,
  onOpen,
}: {
  detail?: { id: string; entity?: EntityDetail | null; loading: boolean } | undefined;
  ontology: OntologyInfo;
  /** The selected entity's action buttons (from the action registry). */
  toolbar?: ReactNode;
  /** Its neighbours known but not on the canvas. */
  moreOffCanvas?: number;
  onOpen(id: string): void;
}) {
  const { t, lang, country } = useI18n();
  if (!detail) return <p className="panel-empty">{t.detailsEmpty}</p>;
  if (detail.loading && !detail.entity)
    return (
      <p className="panel-empty" role="status">
        {t.loading}
      </p>
    );
  const e = detail.entity;
  if (!e) return <p className="panel-empty">{t.detailsEmpty}</p>;
  const attributes = Object.entries(e).filter(([k, v]) => !HIDDEN_FIELDS.has(k) && v !== null && v !== undefined && v !== "");
  const primary = entityLabel(e, lang);
  const secondary = lang === "zh" ? (e.nameZh ? e.name : "") : (e.nameZh ?? "");
  const homepage = safeUrl(e.homepage);
  return (
    <article className="details" aria-labelledby="details-name" data-testid="details">
      <header>
        <h2 id="details-name">{primary}</h2>
        {secondary && (
          <p className="details-alt" lang={lang === "zh" ? "en" : "zh-CN"}>
            {secondary}
          </p>
        )}
        <p className="details-meta">
          <span className="kind-chip">
            <KindSwatch kind={e.kind} ontology={ontology} />
            <span className="visually-hidden">{t.kind}: </span>
            {kindLabel(e.kind, ontology, lang)}
          </span>
          {e.country && (
            <span className="country">
              <span className="visually-hidden">{t.country}: </span>
              {country(e.country)} ({e.country})
            </span>
          )}
        </p>
      </header>
      {toolbar && (
        <div className="node-actions" role="toolbar" aria-label={t.actions}>
          {toolbar}
        </div>
      )}
      {toolbar && moreOffCanvas > 0 && <p className="muted">{fill(t.notOnCanvas, { n: moreOffCanvas })}</p>}
      <Bilingual className="description" en={e.description} zh={e.descriptionZh} />
      {(e.aliases?.length ?? 0) > 0 && (
        <p className="aliases">
          <strong>{t.aliases}:</strong> {e.aliases?.join(" · ")}
        </p>
      )}
      {homepage && (
        <p>
          <strong>{t.homepage}:</strong>{" "}
          <a href={homepage} target="_blank" rel="noopener noreferrer">
            {new URL(homepage).host}
          </a>
        </p>
      )}
      {attributes.length > 0 && (
        <section>
          <h3>{t.attributes}</h3>
          <dl className="attributes">
            {attributes.map(([k, v]) => (
              <div key={k}>
                <dt>{attributeLabel(ontology, e.kind, k, lang)}</dt>
                <dd>{attributeText(ontology, e.kind, k, v, lang, t)}</dd>
              </div>
            ))}
          </dl>
        </section>
      )}
      <OpenQuestions entity={e} ontology={ontology} />
      <h3 className="relations-title">{t.relations}</h3>
      <RelationGroups entity={e} direction="out" ontology={ontology} onOpen={onOpen} />
      <RelationGroups entity={e} direction="in" ontology={ontology} onOpen={onOpen} />
    </article>
  );
}
