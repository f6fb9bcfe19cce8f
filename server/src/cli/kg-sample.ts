/**
 * `npm run kg -- sample`: relations drawn at random, with their sources, to check before an area
 * is committed (kg-program.ts registers it; the draw itself is seed/sample.ts).
 */
import fs from "node:fs";
import path from "node:path";
import type { Command } from "commander";
import { quote } from "shell-quote";
import YAML from "yaml";
import { loadOntology } from "../ontology.js";
import { seedAtRef } from "../seed/at-ref.js";
import {
  type AuditRecord,
  type AuditScope,
  auditFile,
  fragileIds,
  isAudited,
  onlyTranslationsChanged,
  readForms,
  relationFingerprint,
} from "../seed/audits.js";
import { diffSeeds } from "../seed/diff.js";
import { EditError } from "../seed/edit.js";
import type { RelationRecord } from "../seed/model.js";
import { relationsInArea, sampleRelations, sampleToMarkdown } from "../seed/sample.js";
import { validateSeed } from "../seed/validate.js";
import { collect } from "./repeatable.js";

export interface SampleCommandEnv {
  seedOf(): string;
  print(line: string): void;
  printError(line: string): void;
  /** Runs an action; an EditError it throws is printed and makes the exit status 1. */
  run(action: () => void): void;
}

interface SampleOptions {
  count: number;
  draw?: number;
  type?: string[];
  kind?: string[];
  touching?: string[];
  sinceRef?: string;
  translatedSince?: string;
  unaudited?: boolean;
  fragile?: boolean;
  notDrawnBy?: string[];
  record?: number;
  json?: boolean;
}

export function addSampleCommand(program: Command, env: SampleCommandEnv): void {
  program
    .command("sample")
    .description("Draw relations at random to check against their sources (the audit of an area before you commit it)")
    .option("--count <n>", "how many relations", (v) => Number(v), 30)
    .option("--draw <n>", "number of the draw: the same number draws the same relations (default: a new draw, printed)", (v) => Number(v))
    .option("--type <TYPE>", "only relations of this type (repeatable)", collect)
    .option("--kind <kind>", "only relations stored in files of this kind, e.g. chip for seed/entities/chip/ (repeatable)", collect)
    .option("--touching <entity-id>", "only relations with this entity at either end (repeatable)", collect)
    .option("--since-ref <git-ref>", "only relations added or changed since this git ref (your new relations)")
    .option(
      "--translated-since <git-ref>",
      "only relations whose one change since this git ref is a translation (noteZh, a quote's translation) and whose form then an audit had read; --record makes a translation audit",
    )
    .option("--unaudited", "only relations no audit in seed/audits/ has read as they stand (never read, or changed since)")
    .option(
      "--fragile",
      "only relations readers keep failing as they stand: failed at their last reading, or in at least two readings and half of them (give each a second stored page, quoted)",
    )
    .option("--not-drawn-by <audit>", "leave out the relations this audit drew (another wave being read now; repeatable)", collect)
    .option("--record <n>", "also write seed/audits/<n>.yaml listing the drawn relations, each `not-reached` until its reader sets the verdict", (v) =>
      Number(v),
    )
    .option("--json", "print the sample as JSON")
    .action((o: SampleOptions) => env.run(() => sample(o, env)));
}

function sample(o: SampleOptions, env: SampleCommandEnv): void {
  if (!Number.isInteger(o.count) || o.count < 1) throw new EditError(`--count must be a whole number of relations, at least 1 (got ${o.count}).`);
  if (o.record !== undefined && !(Number.isInteger(o.record) && o.record >= 1))
    throw new EditError(`--record must be the audit's number, a whole number from 1 (got ${o.record}); \`npm run kg -- audits\` lists the numbers taken.`);
  if (o.draw !== undefined && !Number.isInteger(o.draw)) throw new EditError(`--draw must be a whole number (got ${o.draw}); leave it out for a new draw.`);
  const seed = env.seedOf();
  const ontology = loadOntology(seed);
  const unknown = (o.type ?? []).filter((t) => !ontology.relationType(t));
  if (unknown.length > 0) throw new EditError(`Unknown relation type ${unknown.join(", ")}; the types are in seed/ontology/relation-types.yaml.`);
  const kinds = (o.kind ?? []).map((k) => k.toUpperCase());
  const unknownKinds = kinds.filter((k) => !ontology.kind(k));
  if (unknownKinds.length > 0)
    throw new EditError(
      `Unknown kind ${unknownKinds.map((k) => k.toLowerCase()).join(", ")} (--kind); the kinds are ${ontology.kinds.map((k) => k.kind.toLowerCase()).join(", ")}.`,
    );
  const { partial: graph, problems, audits } = validateSeed({ seedDir: seed, ontology });
  const unknownEntities = (o.touching ?? []).filter((id) => !graph.entities.some((e) => e.id === id));
  if (unknownEntities.length > 0)
    throw new EditError(
      `Unknown entity id ${unknownEntities.map((id) => `"${id}"`).join(", ")} (--touching): no file seed/entities/*/<id>.yaml. An entity's id is its file's name: \`ls seed/entities/*/ | grep <part of the name>\`.`,
    );
  if (problems.length > 0)
    env.printError(`(the seed has ${problems.length} validation problems; run \`npm run validate\`. The sample is drawn from what passed.)`);
  if (o.sinceRef && o.translatedSince)
    throw new EditError("Give --since-ref (relations added or changed) or --translated-since (relations only translated), not both.");
  let among: Set<string> | undefined;
  if (o.sinceRef) {
    const diff = diffSeeds(seedAtRef(seed, o.sinceRef, ontology), graph);
    among = new Set([...diff.relations.added, ...diff.relations.changed.map((c) => c.after)].map((r) => r.id));
  }
  // For a translation read: the fingerprint of the form, read before, that each relation's translation follows.
  const readBefore = new Map<string, string>();
  if (o.translatedSince) {
    const forms = readForms(audits);
    for (const { before, after } of diffSeeds(seedAtRef(seed, o.translatedSince, ontology), graph).relations.changed)
      if (onlyTranslationsChanged(before, after) && isAudited(before, forms)) readBefore.set(after.id, relationFingerprint(before));
    among = new Set(readBefore.keys());
  }
  if (kinds.length > 0 || o.touching?.length) {
    const area = relationsInArea(graph, { kinds, touching: o.touching });
    among = among ? new Set([...among].filter((id) => area.has(id))) : area;
  }
  if (o.unaudited) {
    const forms = readForms(audits);
    const unread = new Set(graph.relations.filter((r) => !isAudited(r, forms)).map((r) => r.id));
    among = among ? new Set([...among].filter((id) => unread.has(id))) : unread;
  }
  if (o.fragile) {
    const fragile = fragileIds(audits, graph.relations);
    among = new Set([...(among ?? graph.relations.map((r) => r.id))].filter((id) => fragile.has(id)));
  }
  if (o.notDrawnBy?.length) {
    const drawnBefore = new Set<string>();
    for (const n of o.notDrawnBy) {
      const record = audits.find((a) => a.audit === Number(n));
      if (!record)
        throw new EditError(
          fs.existsSync(auditFile(seed, n))
            ? `Audit ${n}'s record, seed/audits/${n}.yaml, is not a valid record yet (--not-drawn-by), so its draw cannot be left out: \`npm run validate\` says why. A wave still being read needs its \`reader\` set (who reads it) when it is handed out.`
            : `No audit ${n} is recorded (--not-drawn-by); \`npm run kg -- audits\` lists the audits, seed/audits/ holds their records.`,
        );
      for (const r of record.relations) drawnBefore.add(r.id);
    }
    among = new Set([...(among ?? graph.relations.map((r) => r.id))].filter((id) => !drawnBefore.has(id)));
  }
  const draw = o.draw ?? Math.floor(Math.random() * 2 ** 31);
  const drawn = sampleRelations(graph.relations, { count: o.count, draw, types: o.type, among });
  const again = ["npm", "run", "kg", "--", "sample", "--count", String(o.count), "--draw", String(draw)];
  for (const t of o.type ?? []) again.push("--type", t);
  for (const k of o.kind ?? []) again.push("--kind", k);
  for (const id of o.touching ?? []) again.push("--touching", id);
  if (o.sinceRef) again.push("--since-ref", o.sinceRef);
  if (o.translatedSince) again.push("--translated-since", o.translatedSince);
  if (o.unaudited) again.push("--unaudited");
  if (o.fragile) again.push("--fragile");
  for (const n of o.notDrawnBy ?? []) again.push("--not-drawn-by", n);
  if (o.record !== undefined) {
    // An audit records relations as they stand in a valid seed (an unfinished record is a problem too: finish it first).
    if (problems.length > 0 && !fs.existsSync(auditFile(seed, o.record)))
      throw new EditError(
        `The seed has ${problems.length} validation problem${problems.length === 1 ? "" : "s"} (\`npm run validate\`); fix them, or finish the audit record that has them (a wave still being read needs its \`reader\` set), before recording audit ${o.record}.`,
      );
    const scope = o.translatedSince ? "translation" : o.sinceRef ? "new" : "seed";
    recordAudit(seed, o.record, drawn.relations, { scope, readBefore, command: quote(again) }, env);
  }
  if (o.json) {
    env.print(JSON.stringify({ draw, population: drawn.population, relations: drawn.relations }, null, 2));
    return;
  }
  env.print(sampleToMarkdown(drawn, graph, quote(again), (kind) => ontology.kind(kind)?.folder));
}

/** Writes seed/audits/<n>.yaml: the drawn relations with their fingerprints, each `not-reached` until read. */
function recordAudit(
  seed: string,
  n: number,
  relations: RelationRecord[],
  how: { scope: AuditScope; readBefore: Map<string, string>; command: string },
  env: SampleCommandEnv,
): void {
  const file = auditFile(seed, n);
  if (fs.existsSync(file))
    throw new EditError(`${path.relative(process.cwd(), file)} exists: audit ${n} is recorded; choose the next free number (\`npm run kg -- audits\`).`);
  if (relations.length === 0) throw new EditError("Nothing was drawn, so there is no audit to record; widen the filters.");
  const record: AuditRecord = {
    audit: n,
    date: new Date().toISOString().slice(0, 10),
    scope: how.scope,
    reader: "",
    command: how.command,
    relations: relations.map((r) => {
      const after = how.readBefore.get(r.id);
      return { id: r.id, checked: relationFingerprint(r), ...(after ? { after } : {}), verdict: "not-reached" };
    }),
  };
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, YAML.stringify(record, { lineWidth: 0 }));
  env.printError(
    `✔ wrote ${path.relative(process.cwd(), file)}: set \`reader\` (who reads them) and each relation's verdict (held, failed with \`why\`, or not-reached); \`npm run validate\` checks it.`,
  );
}
