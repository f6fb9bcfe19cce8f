/**
 * One Vite build of web/ for all browser test files: built once per content of what goes into it
 * (web/, the shared core it imports, the lockfile), kept under tests/artifacts/web-build, and rebuilt
 * when any of that changes. Every browser test still runs against a real production build.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { repoRoot } from "../../server/src/config.js";

const INPUTS = ["web", "server/src/core", "package-lock.json", "schema.graphql"];

function filesUnder(entry: string): string[] {
  const full = path.join(repoRoot, entry);
  if (!fs.existsSync(full)) return [];
  if (fs.statSync(full).isFile()) return [entry];
  return fs
    .readdirSync(full, { withFileTypes: true })
    .filter((d) => d.name !== "dist" && d.name !== "node_modules")
    .flatMap((d) => filesUnder(path.join(entry, d.name)));
}

/** Bumped when the way the build is made changes, so that an older build is not taken for it. */
const RECIPE = "production-2";

function inputsHash(): string {
  const hash = createHash("sha256").update(RECIPE);
  for (const file of INPUTS.flatMap(filesUnder).sort())
    hash
      .update(file)
      .update("\0")
      .update(fs.readFileSync(path.join(repoRoot, file)));
  return hash.digest("hex").slice(0, 16);
}

/** The folder holding a production build of the explorer as its sources stand now. */
export async function webBuild(): Promise<string> {
  // Inside the checkout (git-ignored), not under node_modules: worktrees may share node_modules,
  // and one checkout's build must not remove another's while its tests use it.
  const dir = path.join(repoRoot, "tests/artifacts/web-build", inputsHash());
  const done = path.join(dir, ".complete");
  if (fs.existsSync(done)) return dir;
  // Older builds are of other sources: only the current one is kept.
  fs.rmSync(path.dirname(dir), { recursive: true, force: true });
  // Loaded only to build: every browser test file asks for the build, and most find it made.
  const { build } = await import("vite");
  // vitest sets NODE_ENV=test, and Vite bundles NODE_ENV as it finds it: left so, the tests would
  // drive React's development build (StrictMode running every effect twice) instead of what users get.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = "production";
  try {
    await build({
      root: path.join(repoRoot, "web"),
      configFile: path.join(repoRoot, "web/vite.config.ts"),
      mode: "production",
      logLevel: "warn",
      build: { outDir: dir, emptyOutDir: true },
    });
  } finally {
    // Assigning undefined would store the string "undefined".
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  fs.writeFileSync(done, new Date().toISOString());
  return dir;
}
