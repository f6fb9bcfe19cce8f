/**
 * The explorer in Chinese end to end: the language switch, Chinese text all the way down to
 * attribute values and quotes, and a shared link's preview in the reader's language. The real
 * server over the real Neo4j (fixture seed) serves a fresh build of web/; Debian's Chromium drives it.
 */
import { describe, expect, it } from "vitest";
import { accessibilityProblems, canvasSettled, explorerForFile, shot } from "./setup.js";

const explorer = explorerForFile();
const openPage = (url?: string) => explorer().openPage(url);

describe("the explorer in Chinese", () => {
  it("switches the language to Chinese", async () => {
    const page = await openPage("/?n=huawei,nvidia,ascend-910b&sel=huawei&tab=list");
    await canvasSettled(page, ["===", 3]);
    await page.getByTestId("lang").click();
    await page.getByRole("heading", { name: "人工智能生态图谱" }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("zh-CN");
    const names = await page.getByTestId("list-view").locator("tbody").first().locator("th").allTextContents();
    expect(names).toEqual(expect.arrayContaining(["华为", "英伟达", "昇腾910B"]));
    expect(page.url()).toContain("lang=zh");
    await shot(page, "chinese");
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.close();
  });

  it("speaks Chinese all the way down: description, attribute names and values, a quote in its original words", async () => {
    const page = await openPage("/?n=cloudmatrix-384&sel=cloudmatrix-384&lang=zh");
    const details = page.getByTestId("details");
    await details.getByRole("heading", { name: "昇腾超节点 CloudMatrix 384", level: 2 }).waitFor();
    const description = details.getByText("华为以光互联连接384颗昇腾芯片的机架级系统。");
    expect(await description.getAttribute("lang")).toBe("zh-CN");
    expect(await details.textContent()).not.toContain("rack-scale system of 384 Ascend chips");
    // The English text is one click away.
    await details.getByRole("button", { name: "显示英文原文" }).first().click();
    await details.getByText("Huawei's rack-scale system of 384 Ascend chips joined by an optical interconnect.").waitFor();
    const attributes = (await details.locator("dl.attributes").textContent()) ?? "";
    expect(attributes).toContain("系统类型");
    expect(attributes).toContain("超节点");
    expect(attributes).toContain("芯片数量");
    expect(attributes).not.toContain("supernode");
    // The claim's evidence, in the source's own words (English), the translation behind a click.
    const quote = details.locator("blockquote").first();
    expect(await quote.textContent()).toBe("Huawei says CloudMatrix 384 beats the NVL72 in total compute.");
    expect(await quote.getAttribute("lang")).toBe("en");
    const translation = details.getByText("华为称CloudMatrix 384的总算力超过NVL72。");
    expect(await translation.isVisible()).toBe(false);
    await details.getByText("显示译文").first().click();
    await translation.waitFor({ state: "visible" });
    await shot(page, "chinese-details");
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.close();
  });

  it("names the focused entity in a shared link's preview, and the page still opens on it", async () => {
    const html = await (await fetch(`${explorer().base}/?n=huawei&sel=huawei&lang=zh`)).text();
    expect(html).toContain("<title>华为 · 人工智能生态图谱</title>");
    expect(html).toContain('<meta property="og:description" content="中国通信设备、智能手机以及昇腾人工智能芯片和系统的制造商。" />');
    const plain = await (await fetch(`${explorer().base}/?sel=no-such-entity`)).text();
    expect(plain).toContain("<title>AI Ecosystem Atlas · 人工智能生态图谱</title>");
    const page = await openPage("/?n=huawei&sel=huawei&lang=zh");
    await page.getByTestId("details").getByRole("heading", { name: "华为", level: 2 }).waitFor();
    await page.close();
  });
});
