/**
 * The country blocs the supply-chain view colours by: the US and its allies in chipmaking and export
 * controls, China (with Hong Kong and Macau), and everywhere else. Pure, shared by the graph and its legend.
 */
export const BLOCS = ["allied", "china", "elsewhere", "none"] as const;
export type Bloc = (typeof BLOCS)[number];

/** NOTE: a judgement, not data: the countries that coordinate chip export controls with the US. */
const ALLIED = new Set(["US", "NL", "JP", "KR", "TW", "GB", "DE", "FR", "IT", "BE", "CA", "AU", "IE", "IL", "SG", "FI", "SE", "AT", "DK", "NO", "CH"]);
const CHINA = new Set(["CN", "HK", "MO"]);

export const BLOC_COLOURS: Record<Bloc, string> = {
  allied: "#2f6fed",
  china: "#d1343b",
  elsewhere: "#8a6d1f",
  none: "#8a94a6",
};

export function blocOf(country: string | null | undefined): Bloc {
  if (!country) return "none";
  if (CHINA.has(country)) return "china";
  if (ALLIED.has(country)) return "allied";
  return "elsewhere";
}
