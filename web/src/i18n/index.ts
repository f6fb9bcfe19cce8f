/** The interface language: a React context giving the strings and formatting helpers. */
import { createContext, useContext } from "react";
import type { Lang } from "../state/view.js";
import { en, fill, type Strings, zh } from "./strings.js";

export type { Strings };
export { fill };

export interface I18n {
  lang: Lang;
  t: Strings;
  country: (code: string | null | undefined) => string;
  /** Several countries' names as one phrase: "Netherlands and Japan", "荷兰和日本". */
  countries: (codes: readonly string[]) => string;
}

const regionNames: Partial<Record<Lang, Intl.DisplayNames>> = {};

export function countryName(code: string | null | undefined, lang: Lang): string {
  if (!code) return "";
  try {
    regionNames[lang] ??= new Intl.DisplayNames([lang === "zh" ? "zh-CN" : "en"], { type: "region" });
    return regionNames[lang]?.of(code) ?? code;
  } catch {
    return code;
  }
}

const listFormats: Partial<Record<Lang, Intl.ListFormat>> = {};

export function countryNames(codes: readonly string[], lang: Lang): string {
  const names = codes.map((c) => countryName(c, lang));
  listFormats[lang] ??= new Intl.ListFormat(lang === "zh" ? "zh-CN" : "en", { type: "conjunction" });
  return listFormats[lang]?.format(names) ?? names.join(", ");
}

export function makeI18n(lang: Lang): I18n {
  return { lang, t: lang === "zh" ? zh : en, country: (code) => countryName(code, lang), countries: (codes) => countryNames(codes, lang) };
}

export const I18nContext = createContext<I18n>(makeI18n("en"));

export function useI18n(): I18n {
  return useContext(I18nContext);
}
