/**
 * Adds entities, relations and sources to the seed the way a contributor would by hand: canonical
 * YAML in the right file. Every change is validated with the whole seed before it is kept; a change
 * that introduces a problem is undone and the problems are returned.
 */
import fs from "node:fs";
import path from "node:path";
import YAML from "yaml";
import type { QuoteRecord } from "../core/fields.js";
import type { Ontology } from "../ontology.js";
import { entityFilePath, sourceFilePath } from "./files.js";
import { canonicalEntity, canonicalSource, toYaml } from "./format.js";
import type { EntityRecord, SourceRecord } from "./model.js";
import { formatProblem, type ProposedRelation, validateSeed } from "./validate.js";

export class EditError extends Error {
  constructor(
    message: string,
    public readonly problems: string[] = [],
  ) {
    super(problems.length ? `${message}\n${problems.map((p) => `  ${p}`).join("\n")}` : message);
    this.name = "EditError";
  }
}

export interface EditResult {
  file: string;
  created: boolean;
}

type Obj = Record<string, unknown>;

function entityFile(seedDir: string, ontology: Ontology, id: string): string | undefined {
  for (const kind of ontology.kinds) {
    const file = entityFilePath(seedDir, kind.folder, id);
    if (fs.existsSync(file)) return file;
  }
  return undefined;
}

/** Writes `files`, validates the seed, and restores the previous contents if new problems appear. */
function applyValidated(seedDir: string, ontology: Ontology, files: Map<string, string>): void {
  const before = new Set(validateSeed({ seedDir, ontology }).problems.map(formatProblem));
  const previous = new Map([...files.keys()].map((f) => [f, fs.existsSync(f) ? fs.readFileSync(f, "utf8") : undefined]));
  for (const [file, text] of files) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
  }
  const introduced = validateSeed({ seedDir, ontology })
    .problems.map(formatProblem)
    .filter((p) => !before.has(p));
  if (introduced.length === 0) return;
  for (const [file, text] of previous) {
    if (text === undefined) fs.rmSync(file, { force: true });
    else fs.writeFileSync(file, text);
  }
  throw new EditError("Nothing was written; the change would make the seed invalid:", introduced);
}

function sourceIdFromUrl(url: string): string {
  const u = new URL(url);
  const host = u.hostname.replace(/^www\./, "").replace(/\.(com|org|gov|net|cn|edu)$/, "");
  if (/wikipedia$/.test(host))
    return `wikipedia-${decodeURIComponent(u.pathname.split("/").pop() ?? "")}`
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "")
      .slice(0, 80);
  return `${host}-${u.pathname}`
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 80)
    .replace(/-$/, "");
}

/** A source to add: its record, the id optional (derived from the url). */
export type NewSource = Omit<SourceRecord, "id"> & { id?: string };

export function addSource(seedDir: string, ontology: Ontology, input: NewSource): EditResult & { id: string } {
  if (!input.id && !input.url) throw new EditError("A source needs --id or --url (the id is derived from the url).");
  const id = input.id ?? sourceIdFromUrl(input.url as string);
  assertSlug("--id", id);
  const file = sourceFilePath(seedDir, id);
  if (fs.existsSync(file)) throw new EditError(`Source ${id} already exists (${path.relative(process.cwd(), file)}); cite it by its id.`);
  applyValidated(seedDir, ontology, new Map([[file, toYaml(canonicalSource({ ...input, id }))]]));
  return { file, created: true, id };
}

/** A quote for `kg add-relation --quote`: its language is the quoted source's. */
export function quoteOf(seedDir: string, text: string, translation: string | undefined, source: string | undefined): QuoteRecord {
  if (!source) throw new EditError("--quote needs a source: give --source (and --quote-source when the quote is not from the first one).");
  assertSlug("--quote-source", source);
  const file = sourceFilePath(seedDir, source);
  if (!fs.existsSync(file)) throw new EditError(`Unknown source "${source}" (--quote-source): no file seed/sources/${source}.yaml.`);
  if (!translation) throw new EditError("--quote needs --quote-translation: the quote in English if it is Chinese, otherwise in Chinese.");
  const language = String((YAML.parse(fs.readFileSync(file, "utf8")) as Obj).language ?? "");
  return { text, language, translation, source };
}

/** The id of the source with this url, if the registry has one. */
export function findSourceByUrl(seedDir: string, url: string): string | undefined {
  const dir = path.join(seedDir, "sources");
  if (!fs.existsSync(dir)) return undefined;
  const wanted = url.replace(/\/$/, "");
  for (const name of fs.readdirSync(dir)) {
    const data = YAML.parse(fs.readFileSync(path.join(dir, name), "utf8")) as Obj | null;
    if (typeof data?.url === "string" && data.url.replace(/\/$/, "") === wanted) return String(data.id);
  }
  return undefined;
}

/** An entity to add: its record, with attribute values as typed on the command line. */
export type NewEntity = Omit<EntityRecord, "aliases" | "attributes"> & { aliases?: string[]; attributes?: Record<string, string> };

/** Attribute values arrive as strings from the command line; type them by the ontology. */
function typedAttributes(ontology: Ontology, kind: string, raw: Record<string, string> = {}): Obj {
  const def = ontology.kind(kind);
  const out: Obj = {};
  for (const [name, value] of Object.entries(raw)) {
    const type = def?.attributes.find((a) => a.name === name)?.type;
    if (type === "integer" || type === "number") out[name] = Number.isNaN(Number(value)) ? value : Number(value);
    else if (type === "boolean") out[name] = value === "true" ? true : value === "false" ? false : value;
    else out[name] = value;
  }
  return out;
}

/** An id becomes a file name: only a slug may, never a path (`../x`). */
function assertSlug(what: string, id: string): void {
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id) || id.length > 80)
    throw new EditError(
      `${what} must be a slug of lower-case a-z, 0-9 and single hyphens, like "ascend-910c"; got ${JSON.stringify(id)}. Nothing was written.`,
    );
}

export function addEntity(seedDir: string, ontology: Ontology, input: NewEntity): EditResult {
  assertSlug("--id", input.id);
  const kind = ontology.kind(input.kind);
  if (!kind) throw new EditError(`Unknown kind ${input.kind}; use one of ${ontology.kinds.map((k) => k.kind).join(", ")}.`);
  const existing = entityFile(seedDir, ontology, input.id);
  if (existing) throw new EditError(`Entity ${input.id} already exists (${path.relative(process.cwd(), existing)}).`);
  const file = entityFilePath(seedDir, kind.folder, input.id);
  const data = { ...input, attributes: typedAttributes(ontology, input.kind, input.attributes) };
  applyValidated(seedDir, ontology, new Map([[file, toYaml(canonicalEntity(data, ontology))]]));
  return { file, created: true };
}

export function addRelation(seedDir: string, ontology: Ontology, input: ProposedRelation): EditResult {
  assertSlug("--from", input.from);
  const file = entityFile(seedDir, ontology, input.from);
  if (!file)
    throw new EditError(
      `Unknown entity id "${input.from}" (--from): no file seed/entities/*/${input.from}.yaml. Add it first with \`npm run kg -- add-entity\`.`,
    );
  const data = YAML.parse(fs.readFileSync(file, "utf8")) as Obj;
  const relations = Array.isArray(data.relations) ? [...data.relations] : [];
  const { from: _from, ...relation } = input;
  relations.push(relation);
  applyValidated(seedDir, ontology, new Map([[file, toYaml(canonicalEntity({ ...data, relations }, ontology))]]));
  return { file, created: false };
}
