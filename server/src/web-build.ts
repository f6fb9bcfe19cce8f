/** Builds the explorer (web/) with Vite when its bundle is missing or older than its sources. */
import fs from "node:fs";
import path from "node:path";
import { repoRoot } from "./config.js";

function newestMtime(dir: string): number {
  if (!fs.existsSync(dir)) return 0;
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

export async function ensureWebBuilt(webDist: string, log: (line: string) => void): Promise<void> {
  const webRoot = path.join(repoRoot, "web");
  const index = path.join(webDist, "index.html");
  if (!fs.existsSync(path.join(webRoot, "index.html"))) return;
  const sources = Math.max(newestMtime(path.join(webRoot, "src")), fs.statSync(path.join(webRoot, "index.html")).mtimeMs);
  if (fs.existsSync(index) && fs.statSync(index).mtimeMs >= sources) return;
  log("Building the explorer (web/) with Vite…");
  const { build } = await import("vite");
  await build({ root: webRoot, configFile: path.join(webRoot, "vite.config.ts"), logLevel: "warn", build: { outDir: webDist, emptyOutDir: true } });
}
