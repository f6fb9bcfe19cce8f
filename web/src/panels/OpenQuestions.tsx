/**
 * What the graph does not say yet about an entity (its open questions), asked in the reader's
 * language, each with a button that drafts the relation that would answer it in the Suggest tab.
 * Shown in the details panel and, for every entity of a supply tree, under the tree: the analyses
 * cannot see what the graph does not hold.
 */
import type { OntologyInfo, OpenQuestionInfo } from "../api/types.js";
import { useExplorer } from "../app/explorer.js";
import { useI18n } from "../i18n/index.js";
import { emptyDraft, type Lang, type SuggestDraft } from "../state/view.js";
import { EntityButton } from "./analysis/common.js";
import "./OpenQuestions.css";

interface Asked {
  id: string;
  name: string;
  nameZh?: string | null;
  openQuestions?: readonly string[] | null;
}

/** The relation that answers `question` about `id`, drafted; undefined when no relation can. */
export function answerDraft(info: OpenQuestionInfo | undefined, id: string): SuggestDraft | undefined {
  const answer = info?.answer;
  if (!answer) return undefined;
  const draft: SuggestDraft = { ...emptyDraft(), type: answer.type ?? undefined };
  if (answer.end === "FROM") draft.from = id;
  else draft.to = id;
  return draft;
}

/** The question as a reader of `lang` asks it (its code when the ontology lacks it). */
export function questionText(info: OpenQuestionInfo | undefined, question: string, lang: Lang): string {
  if (!info) return question;
  return lang === "zh" ? info.labelZh : info.label;
}

/** "Suggest an answer": opens the Suggest tab with `draft`, then calls `onDrafted` if given. */
export function AnswerButton({ draft, testId, className, onDrafted }: { draft: SuggestDraft; testId: string; className?: string; onDrafted?(): void }) {
  const { atlas } = useExplorer();
  const { t } = useI18n();
  return (
    <button
      type="button"
      className={className ? `link-button ${className}` : "link-button"}
      data-testid={testId}
      onClick={() => {
        atlas.actions.draftSuggestion(draft);
        onDrafted?.();
      }}
    >
      {t.openQuestionAnswer}
    </button>
  );
}

function Questions({ entity, ontology }: { entity: Asked; ontology: OntologyInfo }) {
  const { lang } = useI18n();
  return (
    <ul className="open-question-list">
      {(entity.openQuestions ?? []).map((q) => {
        const info = ontology.openQuestions?.find((x) => x.question === q);
        const draft = answerDraft(info, entity.id);
        return (
          <li key={q} data-question={q}>
            {questionText(info, q, lang)}
            {draft && (
              <>
                {" "}
                <AnswerButton draft={draft} testId={`answer-${entity.id}-${q}`} />
              </>
            )}
          </li>
        );
      })}
    </ul>
  );
}

/** The selected entity's open questions (details panel); nothing when it has none. */
export function OpenQuestions({ entity, ontology }: { entity: Asked; ontology: OntologyInfo }) {
  const { t } = useI18n();
  if (!entity.openQuestions?.length) return null;
  return (
    <section className="open-questions" data-testid="open-questions">
      <h3>{t.openQuestions}</h3>
      <p className="muted">{t.openQuestionsIntro}</p>
      <Questions entity={entity} ontology={ontology} />
    </section>
  );
}

/** The open questions of a supply tree's entities: where the analysis may be silent for want of data. */
export function TreeQuestions({ nodes, ontology }: { nodes: readonly Asked[]; ontology: OntologyInfo }) {
  const { t } = useI18n();
  const asked = nodes.filter((n) => n.openQuestions?.length);
  if (!asked.length) return null;
  return (
    <section aria-labelledby="tree-questions-title" className="analysis-section open-questions" data-testid="supply-questions">
      <h3 id="tree-questions-title">{t.treeQuestions}</h3>
      <p className="muted">{t.treeQuestionsIntro}</p>
      <ul>
        {asked.map((n) => (
          <li key={n.id}>
            <EntityButton entity={n} />
            <Questions entity={n} ontology={ontology} />
          </li>
        ))}
      </ul>
    </section>
  );
}
