/** Where seed files live and what role each has. */
import fs from "node:fs";
import path from "node:path";

export type SeedRole = "entity" | "source";

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
