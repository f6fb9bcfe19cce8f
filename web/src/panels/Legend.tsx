/** The legend: every kind's colour and shape (from the ontology) and how claim status is drawn. */
import type { OntologyInfo } from "../api/types.js";
import { useI18n } from "../i18n/index.js";
import "./Legend.css";

/** Small SVG outlines of the Cytoscape node shapes the ontology uses. */
const SHAPES: Record<string, string> = {
  ellipse: "M8 1a7 7 0 1 0 0.01 0Z",
  rectangle: "M1.5 3h13v10h-13Z",
  "round-rectangle": "M4 3h8a2.5 2.5 0 0 1 2.5 2.5v5A2.5 2.5 0 0 1 12 13H4a2.5 2.5 0 0 1-2.5-2.5v-5A2.5 2.5 0 0 1 4 3Z",
  hexagon: "M4.5 2h7l3.5 6-3.5 6h-7L1 8Z",
  "round-hexagon": "M4.5 2h7l3.5 6-3.5 6h-7L1 8Z",
  octagon: "M5 1.5h6l3.5 3.5v6L11 14.5H5L1.5 11V5Z",
  "round-octagon": "M5 1.5h6l3.5 3.5v6L11 14.5H5L1.5 11V5Z",
  diamond: "M8 1l7 7-7 7-7-7Z",
  "round-diamond": "M8 1l7 7-7 7-7-7Z",
  triangle: "M8 1.5l7 12.5H1Z",
  "round-triangle": "M8 1.5l7 12.5H1Z",
  tag: "M1.5 3h9l4 5-4 5h-9Z",
  "round-tag": "M1.5 3h9l4 5-4 5h-9Z",
  star: "M8 1l2 4.6 5 .5-3.8 3.3 1.2 4.9L8 11.8 3.6 14.3l1.2-4.9L1 6.1l5-.5Z",
  pentagon: "M8 1.5l6.5 4.7-2.5 7.8H4L1.5 6.2Z",
  barrel: "M3 2h10q2 6 0 12H3q-2-6 0-12Z",
  vee: "M1 2l7 4 7-4-7 12Z",
};

export function KindSwatch({ kind, ontology, size = 14 }: { kind: string; ontology?: OntologyInfo | undefined; size?: number }) {
  const k = ontology?.kinds.find((x) => x.kind === kind);
  const path = SHAPES[k?.shape ?? "ellipse"] ?? SHAPES.ellipse;
  return (
    <svg className="swatch" width={size} height={size} viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path d={path} fill={k?.colour ?? "#8a94a6"} stroke="#ffffff" strokeWidth="0.8" />
    </svg>
  );
}

export function Legend({
  ontology,
  kindsInView,
  onToggleKind,
  excludedKinds,
}: {
  ontology: OntologyInfo;
  kindsInView: ReadonlySet<string>;
  excludedKinds: string[];
  onToggleKind(kind: string): void;
}) {
  const { t, lang } = useI18n();
  return (
    <details className="legend" open>
      <summary>{t.legend}</summary>
      <div className="legend-body">
        <ul className="legend-kinds" aria-label={t.legendKinds}>
          {ontology.kinds.map((k) => {
            const off = excludedKinds.includes(k.kind);
            return (
              <li key={k.kind} className={kindsInView.has(k.kind) ? "in-view" : "not-in-view"}>
                <button type="button" aria-pressed={!off} className={off ? "off" : ""} onClick={() => onToggleKind(k.kind)} title={k.description ?? undefined}>
                  <KindSwatch kind={k.kind} ontology={ontology} />
                  <span>{lang === "zh" ? k.labelZh : k.label}</span>
                </button>
              </li>
            );
          })}
        </ul>
        <ul className="legend-lines" aria-label={t.legendRelations}>
          <li>
            <svg width="34" height="10" aria-hidden="true">
              <line x1="1" y1="5" x2="26" y2="5" stroke="#6b7385" strokeWidth="2" />
              <path d="M25 1l8 4-8 4Z" fill="#6b7385" />
            </svg>
            {t.legendSolid}
          </li>
          <li>
            <svg width="34" height="10" aria-hidden="true">
              <line x1="1" y1="5" x2="26" y2="5" stroke="#6b7385" strokeWidth="2" strokeDasharray="6 4" />
              <path d="M25 1l8 4-8 4Z" fill="#6b7385" />
            </svg>
            {t.legendDashed}
          </li>
          <li>
            <svg width="34" height="10" aria-hidden="true">
              <line x1="1" y1="5" x2="26" y2="5" stroke="#6b7385" strokeWidth="2.4" strokeDasharray="2 3" />
              <path d="M25 1l8 4-8 4Z" fill="#6b7385" />
            </svg>
            {t.legendDotted}
          </li>
        </ul>
      </div>
    </details>
  );
}
