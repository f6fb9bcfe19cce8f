/**
 * `npm run kg -- <command>`: the contributor's tool for the seed (the commands are in kg-program.ts).
 */
import { runKg } from "./kg-program.js";

// A reader who pipes the output into `head` has read what they wanted: stop quietly, no stack trace.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code !== "EPIPE") throw error;
  process.exit(0);
});

process.exitCode = runKg(process.argv.slice(2));
