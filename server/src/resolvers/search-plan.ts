/**
 * Turns what a person typed into a safe Lucene query for the full-text index. Only runs of letters
 * and digits survive (so no query syntax ever reaches Lucene), each lower-cased (so AND/OR/NOT are
 * plain words) and escaped anyway. Latin tokens also match as a prefix; Chinese tokens are left to
 * the cjk analyzer (bigrams), and short Chinese strings, which that index cannot always match, also
 * match by substring. Typos are forgiven (a fuzzy query, which costs the index more than all the
 * rest) when the words as typed find too few names.
 */
import type { SearchPlan } from "../db/queries.js";

const TOKEN = /[\p{L}\p{N}]+/gu;
const HAN = /\p{Script=Han}/u;
const PAIR_HAN = /\p{Script=Han}{2}/u;
const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;
const MAX_TOKENS = 12;
/** Lucene's English stop words: the index drops them, so a query must not require them. */
const STOP_WORDS = new Set(
  "a an and are as at be but by for if in into is it no not of on or such that the their then there these they this to was will with".split(" "),
);

export function escapeLucene(text: string): string {
  return text.replace(LUCENE_SPECIAL, (c) => `\\${c}`);
}

/** A token as typed or as a prefix; with `typos`, also within one or two edits (words of 4+ letters). */
function clause(token: string, typos: boolean): string {
  const t = escapeLucene(token);
  if (HAN.test(token)) return `(${t})`;
  const parts = [`${t}^4`];
  parts.push(`${t}*^2`);
  if (typos && token.length >= 4) parts.push(`${t}~${token.length >= 8 ? 2 : 1}`);
  return `(${parts.join(" OR ")})`;
}

/** null when the text has no letter or digit to look for. */
export function searchPlan(text: string): SearchPlan | null {
  const trimmed = text.trim();
  const all = [...new Set(trimmed.toLowerCase().match(TOKEN) ?? [])];
  const words = all.filter((t) => !STOP_WORDS.has(t));
  const tokens = (words.length > 0 ? words : all).slice(0, MAX_TOKENS);
  if (tokens.length === 0) return null;
  const hanChars = [...trimmed].filter((c) => HAN.test(c)).length;
  const lucene = tokens.map((t) => clause(t, false)).join(" AND ");
  const forgiving = tokens.map((t) => clause(t, true)).join(" AND ");
  return {
    lucene,
    typos: forgiving === lucene ? null : forgiving,
    text: trimmed,
    // One Chinese character is not in the bigram index, and the index may split a short mixed
    // string ("邃思1.0") otherwise than the query: those also match by substring.
    contains: hanChars > 0 && hanChars <= 4 ? containsCandidates(trimmed) : null,
  };
}

/**
 * A Lucene query whose hits include every node whose names hold `text`: the cjk analyzer indexes
 * each pair of neighbouring Chinese characters, and a character with none beside it alone; so a
 * name holding the text holds its first pair, or (no pair in the text) a token that starts or ends
 * with its character. The substring check then reads those nodes only, never every node.
 */
function containsCandidates(text: string): SearchPlan["contains"] {
  const pair = PAIR_HAN.exec(text)?.[0];
  if (pair) return { lucene: pair, all: false };
  const lone = HAN.exec(text)?.[0] as string;
  return { lucene: `${lone}* OR *${lone}`, all: true };
}
