/**
 * The draft being edited: local while typing, given to the view (and the URL) once typing rests,
 * and replaced when the view's draft changes elsewhere (undo, back, a link).
 */
import { useEffect, useRef, useState } from "react";
import { draftIsEmpty, emptyDraft, type SuggestDraft } from "../../state/view.js";

const COMMIT_DELAY_MS = 250;

export function useSuggestDraft(viewDraft: SuggestDraft | undefined, selected: string | undefined, onChange: (draft: SuggestDraft) => void) {
  const [draft, setDraft] = useState<SuggestDraft>(() => viewDraft ?? { ...emptyDraft(), from: selected });
  const [sourcesText, setSourcesText] = useState(() => (viewDraft?.sources ?? []).join("\n"));
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;

  // What this panel last gave the view; a different draft in the view came from elsewhere (undo, back).
  const sent = useRef(JSON.stringify(viewDraft ?? emptyDraft()));
  useEffect(() => {
    const incoming = viewDraft ?? emptyDraft();
    const key = JSON.stringify(incoming);
    if (key === sent.current) return;
    sent.current = key;
    setDraft(incoming);
    setSourcesText(incoming.sources.join("\n"));
  }, [viewDraft]);

  // `from` starts as the selected entity, unless the draft has it at the other end (an open
  // question's answer: who makes the selected chip).
  useEffect(() => {
    if (selected) setDraft((d) => (d.from || d.to === selected ? d : { ...d, from: selected }));
  }, [selected]);

  // The draft goes into the view (and the URL) once typing rests; on leaving the tab at once.
  const pending = useRef<SuggestDraft | undefined>(undefined);
  useEffect(() => {
    const key = JSON.stringify(draftIsEmpty(draft) ? emptyDraft() : draft);
    if (key === sent.current) return;
    pending.current = draft;
    const timer = window.setTimeout(() => {
      pending.current = undefined;
      sent.current = key;
      onChangeRef.current(draft);
    }, COMMIT_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [draft]);
  useEffect(
    () => () => {
      if (pending.current) onChangeRef.current(pending.current);
    },
    [],
  );

  const update = (change: Partial<SuggestDraft>) => setDraft((d) => ({ ...d, ...change }));
  const reset = () => {
    setDraft({ ...emptyDraft(), from: selected });
    setSourcesText("");
  };
  return { draft, update, reset, sourcesText, setSourcesText };
}
