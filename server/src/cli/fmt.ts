/** `npm run fmt`: rewrites every seed file in canonical form (see server/src/seed/format.ts). */
import fs from "node:fs";
import path from "node:path";
import { Command } from "commander";
import { loadConfig } from "../config.js";
import { loadOntology } from "../ontology.js";
import { seedFiles } from "../seed/files.js";
import { formatSeedText } from "../seed/format.js";

export function formatSeedDir(seedDir: string, check: boolean): { changed: string[]; failed: string[] } {
  const ontology = loadOntology(seedDir);
  const changed: string[] = [];
  const failed: string[] = [];
  for (const file of seedFiles(seedDir)) {
    const text = fs.readFileSync(file.path, "utf8");
    let formatted: string;
    try {
      formatted = formatSeedText(text, file.role, ontology);
    } catch (error) {
      failed.push(`${path.relative(process.cwd(), file.path)}: cannot format, the YAML does not parse (${(error as Error).message.split("\n")[0]})`);
      continue;
    }
    if (formatted === text) continue;
    changed.push(path.relative(process.cwd(), file.path));
    if (!check) fs.writeFileSync(file.path, formatted);
  }
  return { changed, failed };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  new Command("fmt")
    .description("Rewrite the seed files in canonical form, so that a pull request shows only real changes.")
    .option("--seed <dir>", "seed folder", loadConfig().seedDir)
    .option("--check", "only list the files that are not canonical; exit 1 if any")
    .action((options: { seed: string; check?: boolean }) => {
      const { changed, failed } = formatSeedDir(options.seed, Boolean(options.check));
      for (const f of failed) console.log(f);
      for (const f of changed) console.log(options.check ? `not canonical: ${f}` : `formatted ${f}`);
      console.log(`${changed.length} file${changed.length === 1 ? "" : "s"} ${options.check ? "to format" : "formatted"}`);
      if (failed.length > 0 || (options.check && changed.length > 0)) process.exitCode = 1;
    })
    .parse();
}
