/** Attribute names and enumerated values in the reader's language, from the ontology's labels. */
import type { AttributeInfo, OntologyInfo } from "../api/types.js";
import type { Lang } from "../state/view.js";

/** "processNode" -> "Process node", "parametersB" -> "Parameters (billions)": for attributes without labels. */
export function humanize(field: string): string {
  const words = field
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .split(" ")
    .map((w) => (w === "B" ? "(billions)" : w.length > 1 && w === w.toUpperCase() ? w : w.toLowerCase()));
  const text = words.join(" ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function attributeOf(ontology: OntologyInfo, kind: string, name: string): AttributeInfo | undefined {
  return ontology.kinds.find((k) => k.kind === kind)?.attributes?.find((a) => a.name === name);
}

/** A label as it starts a line or a row ("power" -> "Power"). */
export const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The attribute's name as a reader of `lang` says it ("Process node", "制程工艺"). */
export function attributeLabel(ontology: OntologyInfo, kind: string, name: string, lang: Lang): string {
  const a = attributeOf(ontology, kind, name);
  const label = lang === "zh" ? a?.labelZh : a?.label;
  return label ? capital(label) : humanize(name);
}

/** An enumerated value as a reader of `lang` says it ("supernode" -> "超节点"); other values as stored. */
export function attributeValue(ontology: OntologyInfo, kind: string, name: string, value: string, lang: Lang): string {
  const v = attributeOf(ontology, kind, name)?.valueLabels?.find((x) => x.value === value);
  if (!v) return value;
  return lang === "zh" ? v.labelZh : v.label;
}

/** An attribute's value as the reader sees it: yes or no, a list joined, an enumerated value in their language. */
export function attributeText(ontology: OntologyInfo, kind: string, name: string, value: unknown, lang: Lang, words: { yes: string; no: string }): string {
  if (typeof value === "boolean") return value ? words.yes : words.no;
  if (Array.isArray(value)) return value.join(", ");
  return attributeValue(ontology, kind, name, String(value), lang);
}
