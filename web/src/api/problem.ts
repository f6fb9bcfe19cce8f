/**
 * A failure said in the reader's language: the server names each problem by a stable code with
 * its parameters (server/src/core/problems.ts, shared with it), so the explorer words it itself.
 */
import { isProblemCode, type ProblemParams, problemText } from "../../../server/src/core/problems.js";
import type { Lang } from "../state/view.js";

export interface Problem {
  code: string;
  params: ProblemParams;
}

/** The problem's text in `lang`; without a known code, the server's message in English or `generic`. */
export function sayProblem(problem: Problem | undefined, message: string, lang: Lang, generic: string): string {
  if (problem && isProblemCode(problem.code)) return problemText(problem.code, problem.params, lang);
  return lang === "en" ? message : generic;
}

/** A suggestion's problem as the API lists its parameters. */
export function problemFromList(code: string, params: readonly { name: string; value: string }[]): Problem {
  return { code, params: Object.fromEntries(params.map((p) => [p.name, p.value])) };
}
