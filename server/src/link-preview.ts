/**
 * Link previews: a shared link to a view (`/?sel=huawei`, `/?compare=a,b`) gets a page whose title
 * and description name the entities it focuses on, in the link's language (`lang=zh`), so chat
 * apps and search engines show what the link is about. The explorer itself is unchanged: only the
 * <title> and the description/Open Graph meta tags of index.html are rewritten, every value escaped.
 */

import { readQueries } from "./db/queries.js";
import type { Database } from "./db/run.js";

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const MAX_IDS = 4;
const SITE = { en: "AI Ecosystem Atlas", zh: "人工智能生态图谱" };

export interface PreviewEntity {
  id: string;
  name: string;
  nameZh?: string | null;
  description?: string | null;
  descriptionZh?: string | null;
}

/** The entity ids a view's URL focuses on: the selection, else the entities compared. */
export function focusedIds(url: URL): string[] {
  const sel = url.searchParams.get("sel");
  const ids = sel ? [sel] : (url.searchParams.get("compare") ?? "").split(",");
  return [...new Set(ids.map((s) => s.trim()).filter((s) => SLUG.test(s) && s.length <= 80))].slice(0, MAX_IDS);
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** index.html with the title and description of the entities `ids` names, in order. */
export function withPreview(indexHtml: string, entities: PreviewEntity[], lang: "en" | "zh"): string {
  if (entities.length === 0) return indexHtml;
  const name = (e: PreviewEntity) => (lang === "zh" && e.nameZh ? e.nameZh : e.name);
  const title = `${entities.map(name).join(lang === "zh" ? "、" : " · ")} · ${SITE[lang]}`;
  const description =
    entities.length === 1
      ? ((lang === "zh" ? (entities[0]?.descriptionZh ?? entities[0]?.description) : (entities[0]?.description ?? entities[0]?.descriptionZh)) ?? title)
      : lang === "zh"
        ? `对比：${entities.map(name).join("、")}`
        : `Compared side by side: ${entities.map(name).join(", ")}`;
  const meta = [
    `<meta name="description" content="${escapeHtml(description)}" />`,
    `<meta property="og:type" content="website" />`,
    `<meta property="og:site_name" content="${escapeHtml(SITE[lang])}" />`,
    `<meta property="og:title" content="${escapeHtml(title)}" />`,
    `<meta property="og:description" content="${escapeHtml(description)}" />`,
    `<meta name="twitter:card" content="summary" />`,
  ].join("\n    ");
  return indexHtml
    .replace(/<meta name="description"[^>]*>/, meta)
    .replace(/<title>[^<]*<\/title>/, `<title>${escapeHtml(title)}</title>`)
    .replace(/<html lang="[^"]*"/, `<html lang="${lang === "zh" ? "zh-CN" : "en"}"`);
}

/** The page for this URL, or undefined when it focuses on nothing known (serve index.html as it is). */
export async function previewPage(db: Database, indexHtml: string, url: URL): Promise<string | undefined> {
  const ids = focusedIds(url);
  if (ids.length === 0) return undefined;
  try {
    const q = readQueries.linkPreview(ids);
    const rows = await db.read<PreviewEntity>(q.name, q.cypher, q.params);
    const byId = new Map(rows.map((r) => [r.id, r]));
    const entities = ids.flatMap((id) => byId.get(id) ?? []);
    return entities.length ? withPreview(indexHtml, entities, url.searchParams.get("lang") === "zh" ? "zh" : "en") : undefined;
  } catch {
    // A preview is a courtesy: without the database the page is served as it is.
    return undefined;
  }
}
