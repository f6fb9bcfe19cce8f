/**
 * `npm run kg -- <command>`: the contributor's tool for the seed (the commands are in kg-program.ts).
 */
import { runKg } from "./kg-program.js";

process.exitCode = runKg(process.argv.slice(2));
