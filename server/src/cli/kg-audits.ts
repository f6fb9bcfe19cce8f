/**
 * `npm run kg -- audits`: what the audit records in seed/audits/ add up to (kg-program.ts registers
 * it; the sums are seed/audit-summary.ts). `npm run kg -- verdicts`: a reader's report into a record
 * (the report's lines are read by seed/audit-report.ts).
 */
import fs from "node:fs";
import path from "node:path";
import type { Command } from "commander";
import YAML from "yaml";
import { applyReport, parseReport } from "../seed/audit-report.js";
import { auditsToMarkdown, summarizeAudits } from "../seed/audit-summary.js";
import { type AuditRecord, auditFile } from "../seed/audits.js";
import { EditError } from "../seed/edit.js";
import { validateSeed } from "../seed/validate.js";
import type { SampleCommandEnv } from "./kg-sample.js";

export function addAuditsCommand(program: Command, env: SampleCommandEnv): void {
  program
    .command("audits")
    .description("Sum the audit records (seed/audits/): held of read per audit and per scope, and how much of the seed an audit has read as it stands")
    .option("--json", "print the summary as JSON")
    .action((o: { json?: boolean }) =>
      env.run(() => {
        const { partial, problems, audits } = validateSeed({ seedDir: env.seedOf() });
        if (problems.length > 0)
          env.printError(
            `(the seed has ${problems.length} validation problems; run \`npm run validate\`. Only the records and relations that passed are summed.)`,
          );
        const summary = summarizeAudits(audits, partial.relations);
        env.print(o.json ? JSON.stringify(summary, null, 2) : auditsToMarkdown(summary));
      }),
    );
}

export function addVerdictsCommand(program: Command, env: SampleCommandEnv): void {
  program
    .command("verdicts")
    .description(
      "Set an audit's verdicts from its reader's report: lines `HOLDS <id>`, `FAILS <id>: why`, `MENDED <id>: re-sourced|corrected|none …`, `REMOVED <id>: why`",
    )
    .argument("<audit>", "the audit's number (seed/audits/<audit>.yaml)")
    .argument("<report...>", "the reader's report file(s)")
    .option("--reader <who>", "who read the relations (sets the record's `reader`)")
    .action((audit: string, reports: string[], o: { reader?: string }) =>
      env.run(() => {
        const file = auditFile(env.seedOf(), audit);
        const shown = path.relative(process.cwd(), file);
        if (!/^[1-9]\d*$/.test(audit) || !fs.existsSync(file))
          throw new EditError(
            `No audit ${audit} is recorded (${shown}); \`npm run kg -- sample … --record <n>\` records one, \`npm run kg -- audits\` lists them.`,
          );
        const report = reports.reduce((parsed, r) => {
          if (!fs.existsSync(r)) throw new EditError(`No report file ${r}; give the path of the reader's report.`);
          return parseReport(fs.readFileSync(r, "utf8"), parsed);
        }, parseReport(""));
        const applied = applyReport(YAML.parse(fs.readFileSync(file, "utf8")) as AuditRecord, report, o.reader);
        fs.writeFileSync(file, YAML.stringify(applied.record, { lineWidth: 0 }));
        const { held, failed } = applied.counts;
        env.print(`✔ ${shown}: ${held} held, ${failed} failed, ${applied.counts["not-reached"]} not reached (of ${applied.record.relations.length}).`);
        if (applied.notInAudit.length > 0)
          env.printError(
            `The report names ${applied.notInAudit.length} relation(s) audit ${audit} did not draw (left alone; check the ids): ${applied.notInAudit.join(", ")}`,
          );
        for (const [verdict, says] of [
          ["held", "Held and also mended (recorded as held, without a mend; the mend changed them, so they are unread again)"],
          ["not-reached", "Not reached and also mended (recorded as not reached, without a mend; draw them again with `sample --unaudited`)"],
        ] as const) {
          const ids = report.mendedNotFailed.filter((m) => m.verdict === verdict).map((m) => m.id);
          if (ids.length > 0) env.printError(`${says}: ${ids.join(", ")}`);
        }
        if (!applied.record.reader) env.printError("Set `reader` (--reader <who>): `npm run validate` refuses a record without it.");
      }),
    );
}
