/**
 * Reads every seed file and checks it, collecting every problem with its file:line:col, then
 * returns the checked graph (only when there is no problem) and the problems.
 */
import path from "node:path";
import type { ValidateFunction } from "ajv";
import countries from "i18n-iso-countries";
import { isRealPartialDate } from "../core/dates.js";
import type { QuoteRecord } from "../core/fields.js";
import { type AttributeDef, loadOntology, type Ontology } from "../ontology.js";
import { type AuditRecord, loadAudits } from "./audits.js";
import { formatSeedText } from "./format.js";
import { type RelationProblem, relationProblems } from "./relation-rules.js";
import {
  addNotPlainFile,
  firstLineOffset,
  listYaml,
  offsetOf,
  type ParsedFile,
  type PathSegment,
  type Problem,
  ProblemList,
  parseFile,
  reportSchemaErrors,
  seedAjv,
} from "./seed-file.js";
import { loadRefusedSites, refusedSiteOf } from "./sites.js";

export { type ProposedRelation, type RelationInput, type RelationLookups, relationProblems } from "./relation-rules.js";
export { formatProblem, MAX_SEED_FILE_BYTES, type Problem } from "./seed-file.js";

import { type EntityRecord, type RelationAttributeValue, type RelationRecord, relationId, type SeedGraph, type SourceRecord } from "./model.js";
import { attributesSchema, entitySchema, relationAttributesSchema, sourceSchema } from "./schemas.js";

export interface ValidationResult {
  /** The checked graph, only when there is no problem at all. */
  graph: SeedGraph | undefined;
  /** Everything that passed its own checks, even when other parts failed (used by `kg diff`). */
  partial: SeedGraph;
  problems: Problem[];
  /** The audit records (seed/audits/) that passed their checks. */
  audits: AuditRecord[];
  counts: { entities: number; relations: number; sources: number; files: number };
}

/** Nations whose entities must carry a Chinese name. */
const CHINESE_COUNTRIES = new Set(["CN", "HK", "MO"]);

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
  for (const entry of refused.sort()) addNotPlainFile(problems, cwd, entry);
  const sources = new Map<string, { record: SourceRecord; file: ParsedFile }>();
  const urls = new Map<string, string>();
  const refusedSites = loadRefusedSites(options.seedDir, problems, cwd);

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
      const site = refusedSiteOf(record.url, refusedSites);
      if (site) problems.add(file, ["url"], `${site.host} is a site the atlas does not cite (${site.at}): ${site.why}; cite the original page instead`);
    }
    if (file.text !== formatSeedText(file.text, "source")) {
      problems.add(file, firstLineOffset(file, formatSeedText(file.text, "source")), "not in canonical format; run `npm run fmt`");
    }
    sources.set(record.id, { record, file });
  }

  /** A relation as its entity's file writes it (no id, no from; lists and attributes optional). */
  type RawRelation = Omit<RelationRecord, "id" | "from" | "claimedBy" | "attributes" | "quotes"> & {
    claimedBy?: string[];
    quotes?: QuoteRecord[];
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
    if (data.description && !data.descriptionZh)
      problems.add(
        file,
        ["description"],
        "an entity with a description needs `descriptionZh`: one or two sentences in Chinese, written as a Chinese reader would write them",
      );
    const ownDestination = ownCountryIn(data.country, (data.attributes as Record<string, unknown> | undefined)?.destinations);
    if (ownDestination) problems.add(file, ["attributes", "destinations"], ownDestination);
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

  // Files that exist but could not be read or failed their own checks: they are reported once, where
  // they are; a reference to one of them is not a second problem ("no file …" would be untrue), but
  // the relation waits until that file is fixed.
  const fileId = (absolute: string) => path.basename(absolute).replace(/\.ya?ml$/, "");
  const brokenEntities = new Set(entityFiles.map(fileId).filter((id) => !entities.has(id)));
  const brokenSources = new Set(sourceFiles.map(fileId).filter((id) => !sources.has(id)));
  const refersToBrokenFile = (p: RelationProblem) =>
    ((p.code === "UNKNOWN_TO" || p.code === "UNKNOWN_CLAIMANT") && brokenEntities.has(String(p.params.id))) ||
    (p.code === "UNKNOWN_SOURCE" && brokenSources.has(String(p.params.id)));

  const relations: RelationRecord[] = [];
  const relationIds = new Map<string, string>();
  for (const { record: from, file, relations: raws } of entities.values()) {
    for (const [i, raw] of raws.entries()) {
      const at = (field?: string): PathSegment[] => (field ? ["relations", i, field] : ["relations", i]);
      const id = relationId(from.id, raw.type, raw.to, raw.key);
      const all = relationProblems(ontology, { id: from.id, kind: from.kind }, raw, {
        kindOf: (eid) => entities.get(eid)?.record.kind,
        hasSource: (sid) => sources.has(sid),
        sourceLanguage: (sid) => sources.get(sid)?.record.language,
        duplicateOf: (rid, mirror) => relationIds.get(rid) ?? (mirror ? relationIds.get(mirror) : undefined),
      });
      let waiting = all.some(refersToBrokenFile);
      const found: { field: PathSegment[] | undefined; message: string }[] = all.filter((p) => !refersToBrokenFile(p));
      const checkAttrs = checkRelationAttributes.get(raw.type);
      if (raw.attributes !== undefined && checkAttrs && !checkAttrs(raw.attributes)) {
        reportSchemaErrors(file, checkAttrs.errors, ["relations", i, "attributes"], problems);
        found.push({ field: ["attributes"], message: "" });
      } else if (raw.attributes)
        for (const def of ontology.relationType(raw.type)?.attributes ?? []) {
          const value = raw.attributes[def.name];
          if (def.type === "entity" && typeof value === "string" && brokenEntities.has(value)) waiting = true;
          const message =
            attributeValueProblem(def, value) ??
            (def.type === "entity" && typeof value === "string" && !entities.has(value) && !brokenEntities.has(value)
              ? `${def.name}: unknown entity id "${value}"; check the spelling or add the entity`
              : undefined);
          if (message) found.push({ field: ["attributes", def.name], message });
        }
      const ownRelationDestination = ownCountryIn(from.country, raw.attributes?.destinations);
      if (ownRelationDestination) found.push({ field: ["attributes", "destinations"], message: ownRelationDestination });
      for (const p of found) if (p.message) problems.add(file, p.field ? ["relations", i, ...p.field] : at(), p.message);
      const ok = found.length === 0 && !waiting;
      const pos = file.lines.linePos(offsetOf(file.doc, at(), false));
      relationIds.set(id, `${file.file}:${pos.line}`);
      if (!ok) continue;
      // Every base field the file gives (the schema allowed only those), plus the derived ones.
      relations.push({ ...raw, id, from: from.id, claimedBy: raw.claimedBy ?? [], quotes: raw.quotes ?? [], attributes: raw.attributes ?? {} });
    }
  }

  // A figure is evidence only in its source's words: one of its relations quotes the sentence stating it.
  for (const { record, file, relations: raws } of entities.values())
    if (record.kind === METRIC && record.attributes.computed !== true && !raws.some((r) => r.quotes?.length))
      problems.add(
        file,
        ["attributes"],
        "a figure needs a quote: on one of its relations, under `quotes`, the sentence of the cited source that states it (or `computed: true` when the atlas computed it from a table, with the sum in the note)",
      );

  // Audit records: which relations a reader checked (they name relations by id and may outlive them).
  const audits = loadAudits(options.seedDir, ontology, problems, cwd);

  const sorted = problems.items.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.col - b.col);
  const relationCount = [...entities.values()].reduce((n, e) => n + e.relations.length, 0);
  const partial = { entities: [...entities.values()].map((e) => e.record), relations, sources: [...sources.values()].map((s) => s.record), audits };
  return {
    graph: sorted.length === 0 ? partial : undefined,
    partial,
    problems: sorted,
    audits,
    counts: { entities: entities.size, relations: relationCount, sources: sources.size, files: sourceFiles.length + entityFiles.length },
  };
}

/** The kind whose entities are figures (seed/ontology/kinds.yaml). */
const METRIC = "METRIC";

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
  const ajv = seedAjv();
  const checkers: Checkers = {
    checkEntity: ajv.compile(entitySchema(ontology)),
    checkSource: ajv.compile(sourceSchema(ontology)),
    checkAttributes: new Map(ontology.kinds.map((k) => [k.kind, ajv.compile(attributesSchema(ontology, k.kind))])),
    checkRelationAttributes: new Map(ontology.relationTypes.map((t) => [t.type, ajv.compile(relationAttributesSchema(ontology, t.type))])),
  };
  checkersCache.set(ontology, checkers);
  return checkers;
}

/** A rule's destinations naming its own country: an export rule never binds it, and an import ban says so otherwise. */
function ownCountryIn(country: unknown, destinations: unknown): string | undefined {
  if (typeof country !== "string" || !Array.isArray(destinations) || !destinations.includes(country)) return undefined;
  return `destinations name the policy's own country (${country}), which an export rule never binds; for a ban on bringing in or buying what it restricts there, write \`direction: imports\` in the policy's attributes instead`;
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
