/** `npm run validate`: checks every seed file and prints every problem as path:line:col: message. */
import { Command } from "commander";
import { loadConfig } from "../config.js";
import { OntologyError } from "../ontology.js";
import { formatProblem, validateSeed } from "../seed/validate.js";

const program = new Command("validate")
  .description("Check the seed files (ontology, sources, entities, relations) and report every problem with its file:line:col.")
  .option("--seed <dir>", "seed folder to check", loadConfig().seedDir)
  .action((options: { seed: string }) => {
    try {
      const result = validateSeed({ seedDir: options.seed });
      for (const problem of result.problems) console.log(formatProblem(problem));
      const { entities, relations, sources } = result.counts;
      const what = `${entities} entities, ${relations} relations, ${sources} sources`;
      if (result.problems.length > 0) {
        const files = new Set(result.problems.map((p) => p.file)).size;
        console.log(`✖ ${result.problems.length} problem${result.problems.length === 1 ? "" : "s"} in ${files} file${files === 1 ? "" : "s"} (${what})`);
        process.exitCode = 1;
      } else {
        console.log(`✔ seed is valid: ${what}`);
      }
    } catch (error) {
      if (error instanceof OntologyError) {
        console.log(error.message);
        process.exitCode = 1;
        return;
      }
      throw error;
    }
  });

program.parse();
