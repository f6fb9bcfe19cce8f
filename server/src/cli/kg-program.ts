/**
 * The commands of `npm run kg` (cli/kg.ts runs them on process.argv): the contributor's tool for the
 * seed. Every command writes canonical YAML to the right file and validates the whole seed before
 * keeping a change. Output goes through `io`, so the tests run the commands in process.
 */
import path from "node:path";
import { Command, CommanderError, Option } from "commander";
import { quote } from "shell-quote";
import { loadConfig } from "../config.js";
import { loadOntology, STATUSES } from "../ontology.js";
import { seedAtRef } from "../seed/at-ref.js";
import { diffSeeds, diffToMarkdown } from "../seed/diff.js";
import { addEntity, addRelation, addSource, EditError, findSourceByUrl, quoteOf } from "../seed/edit.js";
import { formatSeedDir } from "../seed/files.js";
import { findGaps, GAP_KINDS } from "../seed/gaps.js";
import { validateSeed } from "../seed/validate.js";
import { addAuditsCommand, addVerdictsCommand } from "./kg-audits.js";
import { addSampleCommand } from "./kg-sample.js";
import { collect } from "./repeatable.js";

/** Where the commands write: standard output and standard error. */
export interface KgIo {
  out(text: string): void;
  err(text: string): void;
}

const processIo: KgIo = { out: (text) => process.stdout.write(text), err: (text) => process.stderr.write(text) };

const rel = (file: string) => path.relative(process.cwd(), file);

/** Runs one kg command line (the arguments after `kg`) and returns its exit status. */
export function runKg(args: string[], io: KgIo = processIo): number {
  let exitCode = 0;
  const print = (line: string) => io.out(`${line}\n`);
  const printError = (line: string) => io.err(`${line}\n`);
  const run = (action: () => void): void => {
    try {
      action();
    } catch (error) {
      if (!(error instanceof EditError)) throw error;
      printError(`✖ ${error.message}`);
      exitCode = 1;
    }
  };

  const program = new Command("kg")
    .description("Add to and inspect the Atlas seed (seed/). Run `npm run kg -- <command> --help` for each command.")
    .option("--seed <dir>", "seed folder", loadConfig().seedDir)
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .exitOverride()
    .showHelpAfterError();

  const seedOf = () => program.opts<{ seed: string }>().seed;

  program
    .command("add-entity")
    .description("Create seed/entities/<kind>/<id>.yaml")
    .requiredOption("--id <id>", "slug, e.g. ascend-910c")
    .addOption(new Option("--kind <kind>", "entity kind").makeOptionMandatory())
    .requiredOption("--name <name>", "English name")
    .option("--name-zh <name>", "Chinese name (required for CN, HK, MO)")
    .option("--alias <alias>", "another name (repeatable)", collect)
    .option("--country <code>", "ISO 3166-1 alpha-2 code, e.g. CN")
    .option("--description <text>", "one sentence")
    .option("--description-zh <text>", "the same in Chinese, as a Chinese reader would write it (required with --description)")
    .option("--homepage <url>", "official site")
    .option("--wikidata <id>", "Wikidata item id (only one you have checked)")
    .option("--attr <name=value>", "kind-specific attribute (repeatable), e.g. processNode=7 nm", collect)
    .action(
      (o: {
        id: string;
        kind: string;
        name: string;
        nameZh?: string;
        alias?: string[];
        country?: string;
        description?: string;
        descriptionZh?: string;
        homepage?: string;
        wikidata?: string;
        attr?: string[];
      }) =>
        run(() => {
          const seed = seedOf();
          const attributes = Object.fromEntries((o.attr ?? []).map((pair) => [pair.slice(0, pair.indexOf("=")), pair.slice(pair.indexOf("=") + 1)]));
          const result = addEntity(seed, loadOntology(seed), {
            id: o.id,
            kind: o.kind,
            name: o.name,
            nameZh: o.nameZh,
            aliases: o.alias,
            country: o.country,
            description: o.description,
            descriptionZh: o.descriptionZh,
            homepage: o.homepage,
            wikidata: o.wikidata,
            attributes,
          });
          print(`✔ created ${rel(result.file)}`);
        }),
    );

  program
    .command("add-source")
    .description("Create seed/sources/<id>.yaml")
    .option("--id <id>", "slug (default: derived from the url)")
    .option("--url <url>", "address of the page or article")
    .requiredOption("--title <title>", "its real title")
    .option("--publisher <name>", "e.g. Reuters, Wikipedia, Federal Register")
    .option("--date <date>", "publication date: 2024, 2024-12 or 2024-12-02")
    .option("--language <code>", "ISO 639-1 code", "en")
    .option("--note <text>", "how to find it, when there is no url")
    .action((o: { id?: string; url?: string; title: string; publisher?: string; date?: string; language: string; note?: string }) =>
      run(() => {
        const seed = seedOf();
        const result = addSource(seed, loadOntology(seed), o);
        print(`✔ created ${rel(result.file)} (id ${result.id})`);
      }),
    );

  program
    .command("add-relation")
    .description("Add a relation to the file of its --from entity")
    .requiredOption("--from <id>", "source entity id")
    .requiredOption("--type <TYPE>", "relation type, e.g. DESIGNS")
    .requiredOption("--to <id>", "target entity id")
    .requiredOption("--source <id-or-url>", "source id, or the url of a registered source (repeatable)", collect)
    .addOption(new Option("--status <status>", "how sure it is").choices([...STATUSES]).default("confirmed"))
    .option("--claimed-by <id>", "who claims it (repeatable; required with --status claimed)", collect)
    .option("--since <date>", "2019, 2019-05 or 2019-05-16")
    .option("--until <date>", "2019, 2019-05 or 2019-05-16")
    .option("--note <text>", "figures of a claim, context")
    .option("--note-zh <text>", "the note in Chinese")
    .option("--quote <text>", "the words of a cited source that state it, as written (required with --status claimed or disputed)")
    .option("--quote-translation <text>", "the quote in English (from Chinese) or in Chinese (from any other language)")
    .option("--quote-source <id>", "which cited source the quote is from (default: the first --source)")
    .option("--key <slug>", "tells apart two relations with the same type and ends")
    .action(
      (o: {
        from: string;
        type: string;
        to: string;
        source: string[];
        status: string;
        claimedBy?: string[];
        since?: string;
        until?: string;
        note?: string;
        noteZh?: string;
        quote?: string;
        quoteTranslation?: string;
        quoteSource?: string;
        key?: string;
      }) =>
        run(() => {
          const seed = seedOf();
          const sources = o.source.map((s) => {
            if (!/^https?:\/\//.test(s)) return s;
            const id = findSourceByUrl(seed, s);
            if (!id)
              throw new EditError(
                `No source has the url ${s}. Register it first: npm run kg -- add-source --url ${quote([s])} --title "<its real title>" --publisher <publisher>`,
              );
            return id;
          });
          const result = addRelation(seed, loadOntology(seed), {
            from: o.from,
            type: o.type,
            to: o.to,
            sources,
            status: o.status,
            claimedBy: o.claimedBy,
            since: o.since,
            until: o.until,
            note: o.note,
            noteZh: o.noteZh,
            quotes: o.quote ? [quoteOf(seed, o.quote, o.quoteTranslation, o.quoteSource ?? sources[0])] : undefined,
            key: o.key,
          });
          print(`✔ added ${o.from} ${o.type} ${o.to} to ${rel(result.file)}`);
        }),
    );

  program
    .command("fmt")
    .description("Rewrite seed files in canonical form (every file, or only the files named)")
    .argument("[files...]", "only these seed files")
    .option("--check", "only list files that are not canonical; exit 1 if any")
    .action((files: string[], o: { check?: boolean }) => {
      const { changed, failed } = formatSeedDir(seedOf(), Boolean(o.check), files.length > 0 ? files : undefined);
      for (const f of failed) print(f);
      for (const f of changed) print(o.check ? `not canonical: ${f}` : `formatted ${f}`);
      print(`${changed.length} file${changed.length === 1 ? "" : "s"} ${o.check ? "to format" : "formatted"}`);
      if (failed.length > 0 || (o.check && changed.length > 0)) exitCode = 1;
    });

  program
    .command("gaps")
    .description("List what the ontology leads readers to expect but the seed does not say yet (where to help)")
    .option("--code <code>", `only one kind of gap: ${Object.keys(GAP_KINDS).join(", ")}`)
    .option("--json", "print the gaps as JSON")
    .action((o: { code?: string; json?: boolean }) => {
      const seed = seedOf();
      if (o.code && !(o.code in GAP_KINDS)) {
        printError(`✖ Unknown gap kind "${o.code}"; use one of ${Object.keys(GAP_KINDS).join(", ")}`);
        exitCode = 1;
        return;
      }
      const ontology = loadOntology(seed);
      const { partial, problems } = validateSeed({ seedDir: seed, ontology });
      if (problems.length > 0) printError(`(the seed has ${problems.length} validation problems; run \`npm run validate\`. Gaps are listed for what passed.)`);
      const gaps = findGaps(partial, ontology).filter((g) => !o.code || g.code === o.code);
      if (o.json) {
        print(JSON.stringify(gaps, null, 2));
        return;
      }
      for (const code of Object.keys(GAP_KINDS)) {
        const of = gaps.filter((g) => g.code === code);
        if (of.length === 0) continue;
        print(`\n## ${code} (${of.length}): ${GAP_KINDS[code]}`);
        for (const g of of) print(`- ${g.entity}: ${g.detail}`);
      }
      print(`\n${gaps.length} gap${gaps.length === 1 ? "" : "s"} in ${partial.entities.length} entities and ${partial.sources.length} sources.`);
    });

  program
    .command("diff")
    .description("Print, as Markdown, the graph-level difference between a git ref and the working tree")
    .argument("[base-ref]", "git ref to compare with", "origin/main")
    .action((base: string) =>
      run(() => {
        const seed = seedOf();
        const ontology = loadOntology(seed);
        const before = seedAtRef(seed, base, ontology);
        const after = validateSeed({ seedDir: seed, ontology }).partial;
        print(diffToMarkdown(diffSeeds(before, after), after, base));
      }),
    );

  addSampleCommand(program, { seedOf, print, printError, run });
  addAuditsCommand(program, { seedOf, print, printError, run });
  addVerdictsCommand(program, { seedOf, print, printError, run });

  try {
    program.parse(args, { from: "user" });
  } catch (error) {
    // exitOverride(): commander has written its message (or the help) and throws instead of exiting.
    if (error instanceof CommanderError) return error.exitCode;
    throw error;
  }
  return exitCode;
}
