/**
 * Where the atlas needs contributors (the explorer's `npm run kg -- gaps`): every open question
 * with how many entities ask it. Opening one lists who asks it, a page at a time, each with a
 * button that drafts the relation that would answer it in the form above.
 */
import { useEffect, useRef, useState } from "react";
import { type Asking, fetchAsking, fetchOpenQuestionCounts, type OpenQuestionCount } from "../../api/documents.js";
import type { EntityCore, OntologyInfo, OpenQuestionInfo } from "../../api/types.js";
import { fill, useI18n } from "../../i18n/index.js";
import { EntityButton } from "../analysis/common.js";
import { AnswerButton, answerDraft, questionText } from "../OpenQuestions.js";

const PAGE = 25;

interface Props {
  ontology: OntologyInfo;
  onError(error: unknown): void;
  /** A draft about `entity` went into the form: name it there, and bring the form into view. */
  onDrafted(entity: EntityCore): void;
}

export function WhereToHelp({ ontology, onError, onDrafted }: Props) {
  const { t } = useI18n();
  const [counts, setCounts] = useState<OpenQuestionCount[]>();
  const onErrorRef = useRef(onError);
  onErrorRef.current = onError;
  useEffect(() => {
    const controller = new AbortController();
    fetchOpenQuestionCounts(controller.signal)
      .then(setCounts)
      .catch((error: unknown) => {
        if (!controller.signal.aborted) onErrorRef.current(error);
      });
    return () => controller.abort();
  }, []);
  if (!counts) return null;
  const asked = counts.filter((c) => c.count > 0);
  return (
    <section className="where-to-help open-questions" aria-labelledby="where-to-help-title" data-testid="where-to-help">
      <h3 id="where-to-help-title">{t.whereToHelp}</h3>
      <p className="muted">{t.whereToHelpIntro}</p>
      {asked.length === 0 ? (
        <p>{t.whereToHelpNone}</p>
      ) : (
        <ul>
          {asked.map((c) => (
            <li key={c.question}>
              <Question
                count={c.count}
                info={ontology.openQuestions?.find((q) => q.question === c.question)}
                question={c.question}
                onError={(e) => onErrorRef.current(e)}
                onDrafted={onDrafted}
              />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Question({
  question,
  count,
  info,
  onError,
  onDrafted,
}: {
  question: OpenQuestionCount["question"];
  count: number;
  info: OpenQuestionInfo | undefined;
  onError(error: unknown): void;
  onDrafted(entity: EntityCore): void;
}) {
  const { t, lang } = useI18n();
  const [page, setPage] = useState<Asking>();
  const [loading, setLoading] = useState(false);
  const controller = useRef<AbortController | undefined>(undefined);
  useEffect(() => () => controller.current?.abort(), []);

  const load = (after: string | null) => {
    controller.current?.abort();
    const current = new AbortController();
    controller.current = current;
    setLoading(true);
    fetchAsking(question, PAGE, after, current.signal)
      .then((next) => setPage((old) => (after && old ? { ...next, nodes: [...old.nodes, ...next.nodes] } : next)))
      .catch((error: unknown) => {
        if (!current.signal.aborted) onError(error);
      })
      .finally(() => {
        if (!current.signal.aborted) setLoading(false);
      });
  };

  return (
    <details
      data-question={question}
      onToggle={(e) => {
        if (e.currentTarget.open && !page && !loading) load(null);
      }}
    >
      <summary>
        {questionText(info, question, lang)} <span className="muted">({count})</span>
      </summary>
      {!page && loading && <p role="status">{t.loading}</p>}
      {page && (
        <ul>
          {page.nodes.map((n) => {
            const draft = answerDraft(info, n.id);
            return (
              <li key={n.id}>
                <EntityButton entity={n} />
                {draft && (
                  <>
                    <span aria-hidden="true"> · </span>
                    <AnswerButton draft={draft} testId={`help-${n.id}-${question}`} className="help-answer" onDrafted={() => onDrafted(n)} />
                  </>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {page?.pageInfo.hasNextPage && (
        <button type="button" className="link-button" disabled={loading} onClick={() => load(page.pageInfo.endCursor ?? null)}>
          {fill(t.whereToHelpMore, { n: page.totalCount - page.nodes.length })}
        </button>
      )}
    </details>
  );
}
