/**
 * The questions the front page offers to start from — the atlas's own: who depends on whom, and
 * what export controls cut. Each opens an analysis panel, on an entity when it names one; a question
 * whose entity the graph does not hold is not offered.
 */
import type { Strings } from "../i18n/index.js";
import type { PanelName } from "../state/view.js";

export interface StartQuestion {
  key: string;
  label(t: Strings): string;
  /** The entity the panel opens on (its neighbourhood on the canvas, selected). */
  entity?: string;
  panel: PanelName;
  /** Countries whose suppliers stop, together (the exposure's counterfactual); none: the rules in force. */
  stop?: readonly string[];
  /** The entities compared side by side (the compare panel), the first of them the `entity`. */
  compare?: readonly string[];
}

export const START_QUESTIONS: readonly StartQuestion[] = [
  { key: "ascend-supply", entity: "ascend-910b", panel: "supply", label: (t) => t.askAscendSupply },
  { key: "allies-stop", entity: "ascend-910b", panel: "supply", stop: ["US", "NL", "JP"], label: (t) => t.askAlliesStop },
  { key: "oct-2023-impact", entity: "oct-2023-export-controls", panel: "supply", label: (t) => t.askOct2023Impact },
  { key: "tsmc-loss", entity: "tsmc", panel: "loss", label: (t) => t.askTsmcLoss },
  {
    key: "cloudmatrix-nvl72",
    entity: "cloudmatrix-384",
    panel: "compare",
    compare: ["cloudmatrix-384", "gb200-nvl72"],
    label: (t) => t.askCloudMatrixNvl72,
  },
  { key: "chokepoints", panel: "chokepoints", label: (t) => t.askChokepoints },
  { key: "timeline", panel: "timeline", label: (t) => t.askTimeline },
];

/** The questions whose entities are all in the graph (`has` answers for an id). */
export function startQuestions(has: (id: string) => boolean): StartQuestion[] {
  return START_QUESTIONS.filter((q) => (!q.entity || has(q.entity)) && (q.compare ?? []).every(has));
}
