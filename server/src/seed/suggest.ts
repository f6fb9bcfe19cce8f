/**
 * "Suggest a connection": checks a proposed relation against what the live graph holds (looked up
 * by the resolver with db/queries.ts `suggestQueries.lookups`) with the validator's own rules, and
 * returns the YAML to add and where to add it. Pure: no database, nothing is written.
 */

import { quote as shellQuote } from "shell-quote";
import { type ProblemCode, type ProblemParams, problemText } from "../core/problems.js";
import type { SuggestionLookups } from "../db/queries.js";
import type { Ontology } from "../ontology.js";
import { entityFilePath } from "./files.js";
import { canonicalEntity, toYaml } from "./format.js";
import { relationId } from "./model.js";
import { type ProposedRelation, relationProblems } from "./validate.js";

/** A problem of a proposed relation: the field it is about, its English text, its code and parameters. */
export interface SuggestionProblem {
  field: string;
  message: string;
  code: ProblemCode;
  params: { name: string; value: string }[];
}

function paramList(params: ProblemParams): { name: string; value: string }[] {
  return Object.entries(params).map(([name, value]) => ({ name, value: String(value) }));
}

function suggestionProblem(field: string, code: ProblemCode, params: ProblemParams): SuggestionProblem {
  return { field, message: problemText(code, params, "en"), code, params: paramList(params) };
}

export interface SuggestionResult {
  valid: boolean;
  problems: SuggestionProblem[];
  relationId: string;
  /** The file the relation belongs in, relative to the repository root. */
  file: string | undefined;
  /** The lines to add under `relations:` in that file. */
  yaml: string;
  /** Opens that file in the repository's web editor. */
  editUrl: string | undefined;
}

const isUrl = (s: string) => /^https?:\/\//.test(s);

/** A quote as the form gives it: its language is looked up from its source. */
export interface ProposedQuote {
  text: string;
  translation: string;
  /** A source id or the url of a registered source. */
  source: string;
}

/** `row`: the answer of `suggestQueries.lookups(input)`, undefined when there was none. */
export function checkSuggestion(
  ontology: Ontology,
  repoUrl: string,
  { quote, ...input }: ProposedRelation & { quote?: ProposedQuote | undefined },
  row: SuggestionLookups | undefined,
): SuggestionResult {
  const kinds = new Map((row?.entities ?? []).map((e) => [e.id, e.kind]));
  const byUrl = new Map((row?.byUrl ?? []).map((s) => [s.url, s.id]));
  const languages = new Map([...(row?.sources ?? []), ...(row?.byUrl ?? [])].map((s) => [s.id, s.language]));
  const problems: SuggestionProblem[] = [];
  const sources = input.sources.map((s) => {
    if (!isUrl(s)) return s;
    const id = byUrl.get(s);
    if (!id) problems.push(suggestionProblem("sources", "URL_NOT_REGISTERED", { url: s, quotedUrl: shellQuote([s]) }));
    return id ?? s;
  });
  const fromKind = kinds.get(input.from);
  if (!fromKind) problems.push(suggestionProblem("from", "UNKNOWN_FROM", { id: input.from }));
  const existing = new Set(row?.existing ?? []);
  const quoteSource = quote ? (isUrl(quote.source) ? (byUrl.get(quote.source) ?? quote.source) : quote.source) : undefined;
  const quotes =
    quote && quoteSource ? [{ text: quote.text, language: languages.get(quoteSource) ?? "", translation: quote.translation, source: quoteSource }] : undefined;
  const relation = { ...input, sources, quotes };
  for (const p of relationProblems(ontology, { id: input.from, kind: fromKind ?? "" }, relation, {
    kindOf: (id) => kinds.get(id),
    hasSource: (id) => languages.has(id) || isUrl(id),
    sourceLanguage: (id) => languages.get(id),
    duplicateOf: (id, mirror) => (existing.has(id) ? id : mirror && existing.has(mirror) ? mirror : undefined),
  })) {
    // With an unknown --from, "cannot start at" would only repeat that problem.
    if (!fromKind && p.code === "WRONG_START") continue;
    const field = p.field?.[0] === undefined ? "relation" : p.field[0] === "quotes" ? "quote" : String(p.field[0]);
    problems.push({ field, message: p.message, code: p.code, params: paramList(p.params) });
  }
  const folder = fromKind ? ontology.kind(fromKind)?.folder : undefined;
  const file = folder ? entityFilePath("seed", folder, input.from) : undefined;
  const { from: _from, ...rest } = relation;
  const canonical = canonicalEntity({ relations: [rest] }, ontology) as { relations: unknown[] };
  const yaml = toYaml(canonical.relations)
    .split("\n")
    .map((line) => (line ? `  ${line}` : line))
    .join("\n");
  const base = repoUrl.replace(/\/$/, "");
  return {
    valid: problems.length === 0,
    problems,
    relationId: relationId(input.from, input.type, input.to, input.key),
    file,
    yaml,
    editUrl: file ? `${base}/edit/main/${file}` : undefined,
  };
}
