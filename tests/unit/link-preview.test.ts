/** Link previews: which entities a shared link focuses on, and the page's title and meta tags, escaped. */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../../server/src/config.js";
import { focusedIds, withPreview } from "../../server/src/link-preview.js";

const index = fs.readFileSync(path.join(repoRoot, "web/index.html"), "utf8");
const huawei = { id: "huawei", name: "Huawei", nameZh: "华为", description: "Chinese maker of telecom equipment.", descriptionZh: "中国通信设备制造商。" };

describe("link previews", () => {
  it("take the selection, else the compared entities, and only well-formed ids", () => {
    expect(focusedIds(new URL("http://x/?sel=huawei&compare=a,b"))).toEqual(["huawei"]);
    expect(focusedIds(new URL("http://x/?compare=cloudmatrix-384,gb200-nvl72"))).toEqual(["cloudmatrix-384", "gb200-nvl72"]);
    expect(focusedIds(new URL("http://x/?sel=%3Cscript%3E"))).toEqual([]);
    expect(focusedIds(new URL("http://x/?n=huawei"))).toEqual([]);
  });

  it("name the entity in the title and the description, in the link's language", () => {
    const en = withPreview(index, [huawei], "en");
    expect(en).toContain("<title>Huawei · AI Ecosystem Atlas</title>");
    expect(en).toContain('<meta property="og:title" content="Huawei · AI Ecosystem Atlas" />');
    expect(en).toContain('<meta property="og:description" content="Chinese maker of telecom equipment." />');
    expect(en.match(/<meta name="description"/g)).toHaveLength(1);
    const zh = withPreview(index, [huawei], "zh");
    expect(zh).toContain("<title>华为 · 人工智能生态图谱</title>");
    expect(zh).toContain('content="中国通信设备制造商。"');
    expect(zh).toContain('<html lang="zh-CN"');
    // The explorer's own script is untouched.
    expect(zh).toContain('<script type="module" src="/src/main.tsx"></script>');
  });

  it("escape what the graph says, so a name cannot add markup", () => {
    const page = withPreview(index, [{ id: "x", name: "</title><script>alert(1)</script>", description: '"><img src=x onerror=alert(1)>' }], "en");
    expect(page).not.toContain("<script>alert(1)");
    expect(page).not.toContain("<img src=x");
    expect(page).toContain("&#60;/title&#62;&#60;script&#62;");
  });

  it("say what a comparison compares", () => {
    const page = withPreview(index, [huawei, { id: "nvidia", name: "NVIDIA", nameZh: "英伟达" }], "en");
    expect(page).toContain("<title>Huawei · NVIDIA · AI Ecosystem Atlas</title>");
    expect(page).toContain('content="Compared side by side: Huawei, NVIDIA"');
  });
});
