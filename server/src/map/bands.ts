/**
 * The front-page map's banding, defined once: a row per layer of the stack (what a thing is) and
 * a column per side (where it stands). Rows, top to bottom: rules and programmes, materials,
 * technology (equipment, process nodes, software, interconnects), fabs and facilities, chips,
 * systems and clouds, models, organisations and people, figures. Columns, left to right: China
 * (CN, HK, MO), elsewhere (any other country, or none), the US and its allies (ALLIED_COUNTRIES).
 * Rules sit in the top row, on their issuer's side, above the layers they restrict.
 */

export interface BandDef {
  id: string;
  label: string;
  labelZh: string;
}

export interface RowDef extends BandDef {
  /** The entity kinds placed in this row. */
  kinds: readonly string[];
}

export const MAP_ROWS: readonly RowDef[] = [
  { id: "rules", label: "Rules & programmes", labelZh: "规则与计划", kinds: ["POLICY"] },
  { id: "materials", label: "Materials", labelZh: "材料", kinds: ["MATERIAL"] },
  { id: "technology", label: "Technology & equipment", labelZh: "技术与设备", kinds: ["TECHNOLOGY"] },
  { id: "facilities", label: "Fabs & facilities", labelZh: "晶圆厂与设施", kinds: ["FACILITY"] },
  { id: "chips", label: "Chips", labelZh: "芯片", kinds: ["CHIP"] },
  { id: "systems", label: "Systems & clouds", labelZh: "系统与云", kinds: ["SYSTEM"] },
  { id: "models", label: "Models", labelZh: "模型", kinds: ["MODEL"] },
  { id: "actors", label: "Organisations & people", labelZh: "机构与人物", kinds: ["ORGANIZATION", "PERSON"] },
  { id: "figures", label: "Figures", labelZh: "数据", kinds: ["METRIC"] },
];

/** A kind no row names (a kind added to the ontology later) lands here until it gets a row. */
export const FALLBACK_ROW = "actors";

export const MAP_COLUMNS: readonly BandDef[] = [
  { id: "china", label: "China", labelZh: "中国" },
  { id: "elsewhere", label: "Elsewhere", labelZh: "其他地区" },
  { id: "allies", label: "US & allies", labelZh: "美国及盟友" },
];

/** China's side: the mainland, Hong Kong and Macao. */
export const CHINA_COUNTRIES: ReadonlySet<string> = new Set(["CN", "HK", "MO"]);

/**
 * The US and the countries that align their export controls with it: the Five Eyes, Japan, Korea,
 * Taiwan, Israel and the EU's members. Any other country (Singapore, Malaysia, the Gulf…) is "elsewhere".
 */
export const ALLIED_COUNTRIES: ReadonlySet<string> = new Set([
  ...["US", "CA", "GB", "AU", "NZ", "JP", "KR", "TW", "IL"],
  ...["AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU", "IE"],
  ...["IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK"],
]);

export function columnOf(country: string | null | undefined): string {
  if (country && CHINA_COUNTRIES.has(country)) return "china";
  if (country && ALLIED_COUNTRIES.has(country)) return "allies";
  return "elsewhere";
}

const ROW_BY_KIND = new Map(MAP_ROWS.flatMap((r) => r.kinds.map((k) => [k, r.id] as const)));

export function rowOf(kind: string): string {
  return ROW_BY_KIND.get(kind) ?? FALLBACK_ROW;
}

/** The cell an entity is drawn in. */
export function bandOf(entity: { kind: string; country?: string | null | undefined }): { row: string; column: string } {
  return { row: rowOf(entity.kind), column: columnOf(entity.country) };
}
