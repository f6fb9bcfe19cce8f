/**
 * The order the test files start in: the long ones first, longest first (by their last duration),
 * whatever their project, so that the workers finish close together; then the short ones, one
 * project after another, so that a worker can take its project's next file without starting a new
 * process (isolate: false). Vitest's own order runs one project's files after another's, so a long
 * file of the last project started last and the run ended with one worker busy, the other idle.
 */
import fs from "node:fs";
import path from "node:path";
import { BaseSequencer, type TestSpecification } from "vitest/node";

/** Shorter than this last time (ms): run at the end, next to the same project's files. */
const SHORT_MS = 5_000;

/** Without a last duration (a first run): these kinds of file are the longest, in this order. */
const SLOWEST_FIRST = ["tests/processes/", "tests/e2e/", "tests/integration/"];

export class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const root = this.ctx.config.root;
    const file = (spec: TestSpecification) => path.relative(root, spec.moduleId);
    const last = (spec: TestSpecification) => this.ctx.cache.getFileTestResults(`${spec.project.name}:${file(spec)}`)?.duration;
    // A file not run before counts as long, and goes by its kind, then its size.
    const unknown = (spec: TestSpecification) => {
      const at = SLOWEST_FIRST.findIndex((dir) => file(spec).startsWith(dir));
      return [at === -1 ? SLOWEST_FIRST.length : at, -fs.statSync(spec.moduleId).size];
    };
    const key = (spec: TestSpecification): (number | string)[] => {
      const duration = last(spec);
      if (duration === undefined) return [0, ...unknown(spec)];
      if (duration >= SHORT_MS) return [1, -duration];
      return [2, spec.project.name, -duration];
    };
    const compare = (a: (number | string)[], b: (number | string)[]): number => {
      for (let i = 0; i < Math.max(a.length, b.length); i++) {
        const [x, y] = [a[i] ?? 0, b[i] ?? 0];
        if (x !== y) return x < y ? -1 : 1;
      }
      return 0;
    };
    return [...files].sort((a, b) => a.project.config.sequence.groupOrder - b.project.config.sequence.groupOrder || compare(key(a), key(b)));
  }
}
