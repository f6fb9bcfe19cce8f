/** The legend: every kind's colour and shape (from the ontology) and how claim status is drawn. */
import type { OntologyInfo } from "../api/types.js";
import { shapePath } from "../graph/shapes.js";
import { useI18n } from "../i18n/index.js";
import "./Legend.css";

/** The shape's size in the swatch's 16 × 16 box, leaving room for its outline. */
const SWATCH_SHAPE_SIZE = 14;

/** The relation lines by status, drawn as the canvas draws them (graph/style.ts: edge.claimed, edge.disputed). */
const LINE_STYLES = [
  { label: "legendSolid", width: 2, dash: undefined },
  { label: "legendDashed", width: 2, dash: "6 4" },
  { label: "legendDotted", width: 2.4, dash: "2 3" },
] as const;

export function KindSwatch({ kind, ontology, size = 14 }: { kind: string; ontology?: OntologyInfo | undefined; size?: number }) {
  const k = ontology?.kinds.find((x) => x.kind === kind);
  return (
    <svg className="swatch" width={size} height={size} viewBox="-8 -8 16 16" aria-hidden="true" focusable="false">
      <path d={shapePath(k?.shape ?? "ellipse", SWATCH_SHAPE_SIZE)} fill={k?.colour ?? "#8a94a6"} stroke="#ffffff" strokeWidth="0.8" />
    </svg>
  );
}

export function Legend({
  ontology,
  kindsInView,
  onToggleKind,
  excludedKinds,
  folded = false,
  ref,
}: {
  ontology: OntologyInfo;
  ref?: React.Ref<HTMLDetailsElement>;
  /** Starts folded to its title (the reader can open it). */
  folded?: boolean;
  kindsInView: ReadonlySet<string>;
  excludedKinds: string[];
  onToggleKind(kind: string): void;
}) {
  const { t, lang } = useI18n();
  return (
    <details className="legend" open={!folded} ref={ref}>
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
          {LINE_STYLES.map(({ label, width, dash }) => (
            <li key={label}>
              <svg width="34" height="10" aria-hidden="true">
                <line x1="1" y1="5" x2="26" y2="5" stroke="#6b7385" strokeWidth={width} strokeDasharray={dash} />
                <path d="M25 1l8 4-8 4Z" fill="#6b7385" />
              </svg>
              {t[label]}
            </li>
          ))}
        </ul>
      </div>
    </details>
  );
}
