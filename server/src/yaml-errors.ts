/**
 * How the seed's and the ontology's YAML files are parsed, and how a parse error is worded: one
 * place for both readers (seed/seed-file.ts, ontology.ts).
 */
import type { ParseOptions } from "yaml";

/** stringKeys: a list or map used as a key (`? [a]`) is an error, not a key quietly turned into text. */
export const YAML_OPTIONS = { prettyErrors: false, uniqueKeys: true, stringKeys: true } satisfies ParseOptions & { stringKeys: boolean };

/** A parse error in the reader's terms, without the parser's option names; `hint` follows a syntax error. */
export function yamlErrorText(error: { code: string; message: string }, hint = ""): string {
  if (error.code === "NON_STRING_KEY") return "YAML error: a key must be a plain name (such as `since`), not a list or a map";
  return `YAML syntax error: ${error.message.split("\n")[0]}${hint}`;
}
