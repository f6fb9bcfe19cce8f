/** Where seed files live and what role each has. */
import fs from "node:fs";
import path from "node:path";
import { loadOntology } from "../ontology.js";
import { INLINE_COMMENT_TEXT } from "../yaml-errors.js";
import { formatSeedText, InlineCommentError } from "./format.js";

export type SeedRole = "entity" | "source";

/** `seed/sources/<id>.yaml`. */
export function sourceFilePath(seedDir: string, id: string): string {
  return path.join(seedDir, "sources", `${id}.yaml`);
}

/** `seed/entities/<folder>/<id>.yaml`. */
export function entityFilePath(seedDir: string, folder: string, id: string): string {
  return path.join(seedDir, "entities", folder, `${id}.yaml`);
}

export function seedFiles(seedDir: string): { path: string; role: SeedRole }[] {
  const walk = (dir: string): string[] =>
    fs.existsSync(dir)
      ? fs
          .readdirSync(dir, { withFileTypes: true })
          .flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : /\.ya?ml$/.test(e.name) ? [path.join(dir, e.name)] : []))
      : [];
  return [
    ...walk(path.join(seedDir, "sources")).map((p) => ({ path: p, role: "source" as const })),
    ...walk(path.join(seedDir, "entities")).map((p) => ({ path: p, role: "entity" as const })),
  ].sort((a, b) => a.path.localeCompare(b.path));
}

/** Rewrites every seed file in canonical form (or, with `check`, only lists those that are not). */
export function formatSeedDir(seedDir: string, check: boolean, only?: string[]): { changed: string[]; failed: string[] } {
  const ontology = loadOntology(seedDir);
  const changed: string[] = [];
  const failed: string[] = [];
  const wanted = only ? new Set(only.map((f) => path.resolve(f))) : undefined;
  for (const file of seedFiles(seedDir)) {
    if (wanted && !wanted.has(path.resolve(file.path))) continue;
    const text = fs.readFileSync(file.path, "utf8");
    let formatted: string;
    try {
      formatted = formatSeedText(text, file.role, ontology);
    } catch (error) {
      const where = path.relative(process.cwd(), file.path);
      failed.push(
        error instanceof InlineCommentError
          ? `${where}:${error.line}: cannot format: ${INLINE_COMMENT_TEXT}`
          : `${where}: cannot format, the YAML does not parse (${(error as Error).message.split("\n")[0]})`,
      );
      continue;
    }
    if (formatted === text) continue;
    changed.push(path.relative(process.cwd(), file.path));
    if (!check) fs.writeFileSync(file.path, formatted);
  }
  return { changed, failed };
}
