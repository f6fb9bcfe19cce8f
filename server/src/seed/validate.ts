/**
 * Reads every seed file and checks it, collecting every problem with its file:line:col, then
 * returns the checked graph (only when there is no problem) and the problems.
 */
import fs from "node:fs";
import path from "node:path";
import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";
import ajvErrors from "ajv-errors";
import countries from "i18n-iso-countries";
import YAML, { type Document, isMap, isNode, isPair, isScalar, LineCounter, type Node as YamlNode } from "yaml";
import { isRealPartialDate } from "../core/dates.js";
import { type AttributeDef, loadOntology, type Ontology } from "../ontology.js";
import { formatSeedText } from "./format.js";
import { relationProblems } from "./relation-rules.js";

export { type ProposedRelation, type RelationInput, type RelationLookups, relationProblems } from "./relation-rules.js";

import { type EntityRecord, type RelationAttributeValue, type RelationRecord, relationId, type SeedGraph, type SourceRecord } from "./model.js";
import { attributesSchema, entitySchema, relationAttributesSchema, sourceSchema } from "./schemas.js";

export interface Problem {
  file: string;
  line: number;
  col: number;
  message: string;
}

export interface ValidationResult {
  /** The checked graph, only when there is no problem at all. */
  graph: SeedGraph | undefined;
  /** Everything that passed its own checks, even when other parts failed (used by `kg diff`). */
  partial: SeedGraph;
  problems: Problem[];
  counts: { entities: number; relations: number; sources: number; files: number };
}

/** Nations whose entities must carry a Chinese name. */
const CHINESE_COUNTRIES = new Set(["CN", "HK", "MO"]);

interface ParsedFile {
  file: string;
  absolute: string;
  text: string;
  doc: Document.Parsed;
  lines: LineCounter;
  data: unknown;
}

type PathSegment = string | number;

class ProblemList {
  readonly items: Problem[] = [];
  add(file: ParsedFile | string, where: PathSegment[] | number | undefined, message: string, keyOnly = false): void {
    if (typeof file === "string") {
      this.items.push({ file, line: 1, col: 1, message });
      return;
    }
    const offset = typeof where === "number" ? where : offsetOf(file.doc, where ?? [], keyOnly);
    const pos = file.lines.linePos(offset);
    this.items.push({ file: file.file, line: pos.line, col: pos.col, message });
  }
}

/** The offset of the deepest node that exists along `segments` (the key's offset when keyOnly). */
function offsetOf(doc: Document.Parsed, segments: PathSegment[], keyOnly: boolean): number {
  let node: unknown = doc.contents;
  let offset = (doc.contents as YamlNode | null)?.range?.[0] ?? 0;
  for (const [i, seg] of segments.entries()) {
    if (!isNode(node) || !("items" in node)) break;
    const items = (node as { items: unknown[] }).items;
    let next: unknown;
    if (isMap(node)) {
      const pair = items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg));
      if (!isPair(pair)) break;
      const last = i === segments.length - 1;
      if (last && keyOnly) return (pair.key as YamlNode).range?.[0] ?? offset;
      next = pair.value ?? pair.key;
      offset = (next as YamlNode)?.range?.[0] ?? (pair.key as YamlNode).range?.[0] ?? offset;
    } else {
      next = items[Number(seg)];
      offset = (next as YamlNode)?.range?.[0] ?? offset;
    }
    node = next;
  }
  return offset;
}

/** Largest seed file accepted: far above any real entity, far below what could exhaust memory. */
export const MAX_SEED_FILE_BYTES = 256 * 1024;

/**
 * The YAML files under `dir`. Symbolic links and other non-regular entries are never followed
 * (a link could pull any file of the machine into the graph or its error messages): they go to
 * `refused`, so the validator reports them.
 */
function listYaml(dir: string, refused: string[] = []): string[] {
  if (!fs.existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isSymbolicLink() || !(entry.isDirectory() || entry.isFile())) refused.push(full);
    else if (entry.isDirectory()) out.push(...listYaml(full, refused));
    else if (/\.ya?ml$/.test(entry.name)) out.push(full);
  }
  return out.sort();
}

function parseFile(absolute: string, problems: ProblemList, cwd: string): ParsedFile | undefined {
  const file = path.relative(cwd, absolute) || absolute;
  const size = fs.statSync(absolute).size;
  if (size > MAX_SEED_FILE_BYTES) {
    problems.add(
      file,
      undefined,
      `is ${Math.ceil(size / 1024)} KiB; a seed file may be at most ${MAX_SEED_FILE_BYTES / 1024} KiB (one entity or source per file)`,
    );
    return undefined;
  }
  const text = fs.readFileSync(absolute, "utf8");
  const lines = new LineCounter();
  const doc = YAML.parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const parsed: ParsedFile = { file, absolute, text, doc, lines, data: undefined };
  if (doc.errors.length > 0) {
    for (const e of doc.errors) problems.add(parsed, e.pos[0], `YAML syntax error: ${e.message.split("\n")[0]}`);
    return undefined;
  }
  try {
    parsed.data = doc.toJS();
  } catch (error) {
    // e.g. an alias to an anchor that does not exist (`*x`)
    problems.add(parsed, 0, `YAML error: ${(error as Error).message.split("\n")[0]}`);
    return undefined;
  }
  return parsed;
}

function ajvPath(error: ErrorObject): PathSegment[] {
  const segments = error.instancePath
    .split("/")
    .slice(1)
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
  return segments.map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

function reportSchemaErrors(file: ParsedFile, errors: ErrorObject[] | null | undefined, prefix: PathSegment[], problems: ProblemList): void {
  for (const error of errors ?? []) {
    const where = [...prefix, ...ajvPath(error)];
    // Point an unknown key at the key itself.
    const original = (error.params as { errors?: ErrorObject[] }).errors?.[0];
    if (original?.keyword === "additionalProperties") {
      const extra = (original.params as { additionalProperty: string }).additionalProperty;
      problems.add(file, [...where, extra], `unknown field \`${extra}\`: ${error.message}`, true);
      continue;
    }
    problems.add(file, where, error.message ?? "is invalid");
  }
}

/** A partial date that is also a real calendar date (no 2019-02-30). */
function firstDifferentLine(a: string, b: string): number {
  const x = a.split("\n");
  const y = b.split("\n");
  for (let i = 0; i < Math.max(x.length, y.length); i++) if (x[i] !== y[i]) return i + 1;
  return 1;
}

export interface ValidateOptions {
  seedDir: string;
  ontology?: Ontology;
  /** Paths in messages are relative to this folder (default: the current directory). */
  cwd?: string;
}

export function validateSeed(options: ValidateOptions): ValidationResult {
  const cwd = options.cwd ?? process.cwd();
  const problems = new ProblemList();
  const ontology = options.ontology ?? loadOntology(options.seedDir);
  const { checkEntity, checkSource, checkAttributes, checkRelationAttributes } = checkersFor(ontology);

  const refused: string[] = [];
  const sourceFiles = listYaml(path.join(options.seedDir, "sources"), refused);
  const entityFiles = listYaml(path.join(options.seedDir, "entities"), refused);
  for (const entry of refused.sort())
    problems.add(
      path.relative(cwd, entry) || entry,
      undefined,
      "is a symbolic link or not a regular file; seed files must be plain files inside seed/ (replace it with the file itself)",
    );
  const sources = new Map<string, { record: SourceRecord; file: ParsedFile }>();
  const urls = new Map<string, string>();

  for (const absolute of sourceFiles) {
    const file = parseFile(absolute, problems, cwd);
    if (!file) continue;
    if (!checkSource(file.data)) {
      reportSchemaErrors(file, checkSource.errors, [], problems);
      continue;
    }
    const record = file.data as unknown as SourceRecord;
    const expected = path.basename(absolute).replace(/\.ya?ml$/, "");
    if (record.id !== expected) problems.add(file, ["id"], `id "${record.id}" must equal the file name "${expected}"; rename the file or fix the id`);
    if (sources.has(record.id)) problems.add(file, ["id"], `duplicate source id "${record.id}", also in ${sources.get(record.id)?.file.file}`);
    if (record.date && !isRealPartialDate(record.date)) problems.add(file, ["date"], `date ${record.date} is not a real calendar date`);
    if (record.url) {
      const normal = record.url.replace(/\/$/, "");
      const other = urls.get(normal);
      if (other) problems.add(file, ["url"], `duplicate source: ${other} already has this url; cite that source id instead`);
      urls.set(normal, record.id);
    }
    if (file.text !== formatSeedText(file.text, "source")) {
      problems.add(file, firstLineOffset(file, formatSeedText(file.text, "source")), "not in canonical format; run `npm run fmt`");
    }
    sources.set(record.id, { record, file });
  }

  /** A relation as its entity's file writes it (no id, no from; lists and attributes optional). */
  type RawRelation = Omit<RelationRecord, "id" | "from" | "claimedBy" | "attributes"> & {
    claimedBy?: string[];
    attributes?: Record<string, RelationAttributeValue>;
  };
  const entities = new Map<string, { record: EntityRecord; file: ParsedFile; relations: RawRelation[] }>();
  for (const absolute of entityFiles) {
    const file = parseFile(absolute, problems, cwd);
    if (!file) continue;
    const folder = path.basename(path.dirname(absolute));
    const kindOfFolder = ontology.kinds.find((k) => k.folder === folder);
    if (!kindOfFolder) {
      problems.add(
        file,
        [],
        `folder "${folder}" is not a kind; put entity files in seed/entities/<kind>/ with <kind> one of ${ontology.kinds.map((k) => k.folder).join(", ")}`,
      );
      continue;
    }
    const structureOk = checkEntity(file.data);
    if (!structureOk) reportSchemaErrors(file, checkEntity.errors, [], problems);
    if (typeof file.data !== "object" || file.data === null || Array.isArray(file.data)) continue;
    const data = file.data as Omit<EntityRecord, "aliases" | "attributes"> & {
      aliases?: string[];
      attributes?: Record<string, string | number | boolean>;
      relations?: RawRelation[];
    };
    const expected = path.basename(absolute).replace(/\.ya?ml$/, "");
    let ok = structureOk;
    if (typeof data.id === "string" && data.id !== expected) {
      problems.add(file, ["id"], `id "${data.id}" must equal the file name "${expected}"; rename the file or fix the id`);
      ok = false;
    }
    // (An unknown kind is reported by the schema; only a known kind can be in the wrong folder.)
    if (typeof data.kind === "string" && data.kind !== kindOfFolder.kind && ontology.kind(data.kind))
      problems.add(
        file,
        ["kind"],
        `kind ${data.kind} does not match the folder ${folder}/ (which holds ${kindOfFolder.kind}); move the file to seed/entities/${ontology.kind(data.kind)?.folder}/`,
      );
    const checkAttrs = checkAttributes.get(data.kind);
    if (typeof data.attributes === "object" && data.attributes !== null && checkAttrs && !checkAttrs(data.attributes)) {
      reportSchemaErrors(file, checkAttrs.errors, ["attributes"], problems);
      ok = false;
    }
    for (const def of kindOfFolder.attributes) {
      const value = (data.attributes as Record<string, unknown> | undefined)?.[def.name];
      const message = attributeValueProblem(def, value);
      if (message) problems.add(file, ["attributes", def.name], message);
    }
    if (typeof data.country === "string" && /^[A-Z]{2}$/.test(data.country) && !countries.isValid(data.country))
      problems.add(file, ["country"], `country ${data.country} is not an ISO 3166-1 alpha-2 code (e.g. CN, US, TW, NL)`);
    if (data.country && CHINESE_COUNTRIES.has(data.country) && !data.nameZh)
      problems.add(file, ["name"], `a Chinese entity (country ${data.country}) needs \`nameZh\`, its Chinese name`);
    const formatted = formatSeedText(file.text, "entity", ontology);
    // (canonical form is checked even when the structure is wrong, so one run shows everything)
    if (file.text !== formatted) problems.add(file, firstLineOffset(file, formatted), "not in canonical format; run `npm run fmt`");
    if (!ok) continue;
    const previous = entities.get(data.id);
    if (previous) {
      problems.add(file, ["id"], `duplicate entity id "${data.id}", also in ${previous.file.file}`);
      continue;
    }
    const { relations = [], aliases = [], attributes = {}, ...rest } = data;
    entities.set(data.id, { record: { ...rest, aliases, attributes }, file, relations });
  }

  const relations: RelationRecord[] = [];
  const relationIds = new Map<string, string>();
  for (const { record: from, file, relations: raws } of entities.values()) {
    for (const [i, raw] of raws.entries()) {
      const at = (field?: string): PathSegment[] => (field ? ["relations", i, field] : ["relations", i]);
      const id = relationId(from.id, raw.type, raw.to, raw.key);
      const found = relationProblems(ontology, { id: from.id, kind: from.kind }, raw, {
        kindOf: (eid) => entities.get(eid)?.record.kind,
        hasSource: (sid) => sources.has(sid),
        duplicateOf: (rid, mirror) => relationIds.get(rid) ?? (mirror ? relationIds.get(mirror) : undefined),
      });
      const checkAttrs = checkRelationAttributes.get(raw.type);
      if (raw.attributes !== undefined && checkAttrs && !checkAttrs(raw.attributes)) {
        reportSchemaErrors(file, checkAttrs.errors, ["relations", i, "attributes"], problems);
        found.push({ field: ["attributes"], message: "" });
      } else if (raw.attributes)
        for (const def of ontology.relationType(raw.type)?.attributes ?? []) {
          const value = raw.attributes[def.name];
          const message =
            attributeValueProblem(def, value) ??
            (def.type === "entity" && typeof value === "string" && !entities.has(value)
              ? `${def.name}: unknown entity id "${value}"; check the spelling or add the entity`
              : undefined);
          if (message) found.push({ field: ["attributes", def.name], message });
        }
      for (const p of found) if (p.message) problems.add(file, p.field ? ["relations", i, ...p.field] : at(), p.message);
      const ok = found.length === 0;
      const pos = file.lines.linePos(offsetOf(file.doc, at(), false));
      relationIds.set(id, `${file.file}:${pos.line}`);
      if (!ok) continue;
      // Every base field the file gives (the schema allowed only those), plus the derived ones.
      relations.push({ ...raw, id, from: from.id, claimedBy: raw.claimedBy ?? [], attributes: raw.attributes ?? {} });
    }
  }

  const sorted = problems.items.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.col - b.col);
  const relationCount = [...entities.values()].reduce((n, e) => n + e.relations.length, 0);
  const partial = { entities: [...entities.values()].map((e) => e.record), relations, sources: [...sources.values()].map((s) => s.record) };
  return {
    graph: sorted.length === 0 ? partial : undefined,
    partial,
    problems: sorted,
    counts: { entities: entities.size, relations: relationCount, sources: sources.size, files: sourceFiles.length + entityFiles.length },
  };
}

interface Checkers {
  checkEntity: ValidateFunction;
  checkSource: ValidateFunction;
  checkAttributes: Map<string, ValidateFunction>;
  checkRelationAttributes: Map<string, ValidateFunction>;
}

/** Compiled schemas, once per ontology (compiling is most of the cost of validating one file). */
const checkersCache = new WeakMap<Ontology, Checkers>();

function checkersFor(ontology: Ontology): Checkers {
  const cached = checkersCache.get(ontology);
  if (cached) return cached;
  const ajv = new Ajv({ allErrors: true, strict: false });
  // ajv-errors is CommonJS; its typings do not describe the default export as callable under NodeNext.
  (ajvErrors as unknown as (instance: Ajv) => Ajv)(ajv);
  const checkers: Checkers = {
    checkEntity: ajv.compile(entitySchema(ontology)),
    checkSource: ajv.compile(sourceSchema(ontology)),
    checkAttributes: new Map(ontology.kinds.map((k) => [k.kind, ajv.compile(attributesSchema(ontology, k.kind))])),
    checkRelationAttributes: new Map(ontology.relationTypes.map((t) => [t.type, ajv.compile(relationAttributesSchema(ontology, t.type))])),
  };
  checkersCache.set(ontology, checkers);
  return checkers;
}

/** Checks JSON Schema cannot make: real calendar dates, real country codes. */
function attributeValueProblem(def: AttributeDef, value: unknown): string | undefined {
  if (def.type === "date" && typeof value === "string" && !isRealPartialDate(value)) return `${def.name} ${value} is not a real calendar date`;
  if (def.type === "countries" && Array.isArray(value))
    for (const code of value)
      if (typeof code === "string" && /^[A-Z]{2}$/.test(code) && !countries.isValid(code))
        return `${def.name}: ${code} is not an ISO 3166-1 alpha-2 code (e.g. CN, US, TW, NL)`;
  return undefined;
}

function firstLineOffset(file: ParsedFile, formatted: string): number {
  const line = firstDifferentLine(file.text, formatted);
  return (
    file.text
      .split("\n")
      .slice(0, line - 1)
      .join("\n").length + (line > 1 ? 1 : 0)
  );
}

export function formatProblem(p: Problem): string {
  return `${p.file}:${p.line}:${p.col}: ${p.message}`;
}
