import type { Field } from "./form.js";

/** The API's problems with one field, pointed at by the field's aria-describedby. */
export function FieldProblems({ id, messages, field }: { id: string; messages: string[] | undefined; field: Field }) {
  if (!messages?.length) return null;
  return (
    // The API words its problems in English: screen readers should pronounce them so.
    <ul className="field-problems" id={id} lang="en" data-testid={`suggest-problem-${field}`}>
      {messages.map((m) => (
        <li key={m}>{m}</li>
      ))}
    </ul>
  );
}
