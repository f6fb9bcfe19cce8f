/**
 * How the seed's and the ontology's YAML files are parsed, and how a parse error is worded: one
 * place for both readers (seed/seed-file.ts, ontology.ts).
 */
import { type ParseOptions, Parser } from "yaml";

/** stringKeys: a list or map used as a key (`? [a]`) is an error, not a key quietly turned into text. */
export const YAML_OPTIONS = { prettyErrors: false, uniqueKeys: true, stringKeys: true } satisfies ParseOptions & { stringKeys: boolean };

/** A parse error in the reader's terms, without the parser's option names; `hint` follows a syntax error. */
export function yamlErrorText(error: { code: string; message: string }, hint = ""): string {
  if (error.code === "NON_STRING_KEY") return "YAML error: a key must be a plain name (such as `since`), not a list or a map";
  return `YAML syntax error: ${error.message.split("\n")[0]}${hint}`;
}

/** What a comment after a value loses, and what to do about it. */
export const INLINE_COMMENT_TEXT =
  'a " #" after a value starts a YAML comment, so the rest of the line is not part of the value and `npm run fmt` would drop it; put the whole value in quotes, as in text: "The new #AWS region"';

/**
 * Offsets of the comments that follow a value on the same line (`text: The new #AWS region` keeps
 * only "The new"). Comments on their own line are left alone; `#` inside quotes or a block scalar
 * is text, not a comment, and the parser's tokens tell the two apart.
 */
export function inlineCommentOffsets(text: string): number[] {
  // A comment after a value needs a space or tab before its `#`: most files have none, and the
  // token walk below costs a second parse of the file, which every validation and start-up pays.
  if (!/[ \t]#/.test(text)) return [];
  const offsets: number[] = [];
  const walk = (token: unknown): void => {
    if (Array.isArray(token)) {
      for (const t of token) walk(t);
      return;
    }
    if (typeof token !== "object" || token === null) return;
    const { type, offset } = token as { type?: unknown; offset?: unknown };
    if (type === "comment" && typeof offset === "number") {
      const lineStart = text.lastIndexOf("\n", offset - 1) + 1;
      if (text.slice(lineStart, offset).trim() !== "") offsets.push(offset);
    }
    for (const value of Object.values(token)) if (typeof value === "object" && value !== null) walk(value);
  };
  for (const token of new Parser().parse(text)) walk(token);
  return offsets;
}
