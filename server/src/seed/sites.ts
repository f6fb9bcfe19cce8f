/**
 * The sites the atlas does not cite (seed/sites.yaml): reprint sites, aggregators and wiki
 * mirrors that readers found copying other outlets' pages. A copy holds nothing a reader can
 * check against its publisher, so a source whose url is on one of these sites is refused, with
 * the reason and what to cite instead.
 */
import fs from "node:fs";
import path from "node:path";
import type { ValidateFunction } from "ajv";
import { addNotPlainFile, offsetOf, type ParsedFile, type ProblemList, parseFile, reportSchemaErrors, seedAjv } from "./seed-file.js";

export const SITES_FILE = "sites.yaml";

export interface RefusedSite {
  /** A host name: the site and every subdomain of it are refused. */
  host: string;
  why: string;
  /** Where the entry is written, as file:line, for messages. */
  at: string;
}

const HOST = "^[a-z0-9-]+(\\.[a-z0-9-]+)+$";

const schema = {
  type: "object",
  required: ["refused"],
  additionalProperties: false,
  properties: {
    refused: {
      type: "array",
      items: {
        type: "object",
        required: ["host", "why"],
        additionalProperties: false,
        properties: {
          host: {
            type: "string",
            pattern: HOST,
            errorMessage: "host must be a host name in lower case, such as example.com (no scheme, no path, no www.)",
          },
          why: { type: "string", minLength: 1, maxLength: 300, errorMessage: "why must say in at most 300 characters what the site copies" },
        },
        errorMessage: { required: "each refused site needs `host` and `why`", additionalProperties: "a refused site has only `host` and `why`" },
      },
    },
  },
  errorMessage: { required: "sites.yaml lists the refused sites under `refused:`", additionalProperties: "sites.yaml has only `refused:`" },
};

let compiled: ValidateFunction | undefined;
const checkSites = () => {
  compiled ??= seedAjv().compile(schema);
  return compiled;
};

/** The refused sites of a seed folder; none when it has no sites.yaml. Problems go to `problems`. */
export function loadRefusedSites(seedDir: string, problems: ProblemList, cwd: string): RefusedSite[] {
  const absolute = path.join(seedDir, SITES_FILE);
  const stat = fs.lstatSync(absolute, { throwIfNoEntry: false });
  if (!stat) return [];
  if (!stat.isFile()) {
    // Never followed: a link could pull any file of the machine into the error messages.
    addNotPlainFile(problems, cwd, absolute);
    return [];
  }
  const file = parseFile(absolute, problems, cwd);
  if (!file) return [];
  const check = checkSites();
  if (!check(file.data)) {
    reportSchemaErrors(file, check.errors, [], problems);
    return [];
  }
  const entries = (file.data as { refused: { host: string; why: string }[] }).refused;
  const seen = new Set<string>();
  return entries.flatMap((entry, i) => {
    if (seen.has(entry.host)) {
      problems.add(file, ["refused", i, "host"], `${entry.host} is listed twice; keep one entry`);
      return [];
    }
    seen.add(entry.host);
    return [{ ...entry, at: `${file.file}:${lineOf(file, i)}` }];
  });
}

function lineOf(file: ParsedFile, index: number): number {
  return file.lines.linePos(offsetOf(file.doc, ["refused", index], false)).line;
}

/** The refused site a url is on (its host or a subdomain of it), if any. */
export function refusedSiteOf(url: string, sites: readonly RefusedSite[]): RefusedSite | undefined {
  if (sites.length === 0) return undefined;
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase().replace(/^www\./, "");
  } catch {
    return undefined;
  }
  return sites.find((site) => host === site.host || host.endsWith(`.${site.host}`));
}
