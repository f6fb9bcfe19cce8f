/**
 * Reading one seed file and pointing at places in it: parsing with line numbers, the list of
 * problems with file:line:col, and which files under seed/ may be read at all.
 */
import fs from "node:fs";
import path from "node:path";
import { Ajv, type ErrorObject } from "ajv";
import ajvErrors from "ajv-errors";
import YAML, { type Document, isMap, isNode, isPair, isScalar, LineCounter, type Node as YamlNode } from "yaml";
import { INLINE_COMMENT_TEXT, inlineCommentOffsets, YAML_OPTIONS, yamlErrorText } from "../yaml-errors.js";

export interface Problem {
  file: string;
  line: number;
  col: number;
  message: string;
}

/** What the parser's "nested mappings … compact mappings" means in a seed file, nearly always. */
const COLON_IN_TEXT_HINT = '; a text with ": " in it (a note, a title) needs quotes, as in note: "Per the source (2024): …"';

export interface ParsedFile {
  file: string;
  absolute: string;
  text: string;
  doc: Document.Parsed;
  lines: LineCounter;
  data: unknown;
}

export type PathSegment = string | number;

export class ProblemList {
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
export function offsetOf(doc: Document.Parsed, segments: PathSegment[], keyOnly: boolean): number {
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

/** An Ajv for seed files: every error at once, with the schemas' own `errorMessage` wording. */
export function seedAjv(): Ajv {
  const ajv = new Ajv({ allErrors: true, strict: false });
  // ajv-errors is CommonJS; its typings do not describe the default export as callable under NodeNext.
  (ajvErrors as unknown as (instance: Ajv) => Ajv)(ajv);
  return ajv;
}

/** Reports a seed path that is a symbolic link or not a regular file (never followed nor read). */
export function addNotPlainFile(problems: ProblemList, cwd: string, absolute: string): void {
  problems.add(
    path.relative(cwd, absolute) || absolute,
    undefined,
    "is a symbolic link or not a regular file; seed files must be plain files inside seed/ (replace it with the file itself)",
  );
}

/** Largest seed file accepted: far above any real entity, far below what could exhaust memory. */
export const MAX_SEED_FILE_BYTES = 256 * 1024;

/**
 * The YAML files under `dir`. Symbolic links and other non-regular entries are never followed
 * (a link could pull any file of the machine into the graph or its error messages): they go to
 * `refused`, so the validator reports them.
 */
export function listYaml(dir: string, refused: string[] = []): string[] {
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

export function parseFile(absolute: string, problems: ProblemList, cwd: string): ParsedFile | undefined {
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
  const doc = YAML.parseDocument(text, { ...YAML_OPTIONS, lineCounter: lines });
  const parsed: ParsedFile = { file, absolute, text, doc, lines, data: undefined };
  if (doc.errors.length > 0) {
    for (const e of doc.errors) problems.add(parsed, e.pos[0], yamlErrorText(e, e.code === "BLOCK_AS_IMPLICIT_KEY" ? COLON_IN_TEXT_HINT : ""));
    return undefined;
  }
  const comments = inlineCommentOffsets(text);
  if (comments.length > 0) {
    for (const offset of comments) problems.add(parsed, offset, INLINE_COMMENT_TEXT);
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

export function ajvPath(error: ErrorObject): PathSegment[] {
  const segments = error.instancePath
    .split("/")
    .slice(1)
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
  return segments.map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

export function reportSchemaErrors(file: ParsedFile, errors: ErrorObject[] | null | undefined, prefix: PathSegment[], problems: ProblemList): void {
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

/** The first line (1-based) where two texts differ. */
export function firstDifferentLine(a: string, b: string): number {
  const x = a.split("\n");
  const y = b.split("\n");
  for (let i = 0; i < Math.max(x.length, y.length); i++) if (x[i] !== y[i]) return i + 1;
  return 1;
}

export function firstLineOffset(file: ParsedFile, formatted: string): number {
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
