/**
 * GraphiQL under its Content-Security-Policy: the page's own scripts run (the editor opens and a
 * query answers), nothing is refused, and no other inline script would be allowed.
 */
import { describe, expect, it } from "vitest";
import { explorerForFile } from "./setup.js";

const explorer = explorerForFile();

describe("GraphiQL", () => {
  it("runs under a policy naming its own scripts by hash, with nothing refused", async () => {
    const page = await explorer().context.newPage();
    const refused: string[] = [];
    page.on("console", (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) refused.push(m.text());
    });
    const response = await page.goto(`${explorer().base}/graphql`);
    const policy = response?.headers()["content-security-policy"] ?? "";
    const scripts = /script-src ([^;]*)/.exec(policy)?.[1] ?? "";
    expect(scripts).toMatch(/'sha256-[A-Za-z0-9+/]+=*'/);
    expect(scripts).not.toContain("unsafe-inline");
    expect(policy).toContain("frame-ancestors 'none'");

    await page.locator(".graphiql-execute-button").click();
    // The first tab searches by a Chinese name, as shown (its variable has a default); the answer
    // arrives in the result pane.
    await page.locator(".result-window").getByText('"search"').waitFor({ timeout: 30_000 });
    expect(await page.locator(".result-window").textContent()).not.toContain("errors");
    expect(refused).toEqual([]);
    await page.close();
  });
});
