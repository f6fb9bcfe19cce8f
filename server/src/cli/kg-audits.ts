/**
 * `npm run kg -- audits`: what the audit records in seed/audits/ add up to (kg-program.ts registers
 * it; the sums are seed/audit-summary.ts).
 */
import type { Command } from "commander";
import { auditsToMarkdown, summarizeAudits } from "../seed/audit-summary.js";
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
