/** The pull-request workflow cannot be turned against the repository by the pull request's code. */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import YAML from "yaml";
import { repoRoot } from "../../server/src/config.js";

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}
interface Job {
  permissions?: Record<string, string>;
  steps: Step[];
}
const workflow = YAML.parse(fs.readFileSync(path.join(repoRoot, ".github/workflows/pull-request.yml"), "utf8")) as {
  permissions: Record<string, string>;
  jobs: Record<string, Job>;
};

describe("the pull-request workflow", () => {
  it("gives write access only to a job that neither checks out nor runs the pull request's code", () => {
    for (const [name, job] of Object.entries(workflow.jobs)) {
      const writes = Object.values(job.permissions ?? workflow.permissions).includes("write");
      const runsCode = job.steps.some((s) => s.uses?.startsWith("actions/checkout") || /\bnpm\b|\bnode\b|\btsx\b/.test(s.run ?? ""));
      expect(writes && runsCode, `job ${name}`).toBe(false);
    }
    expect(Object.values(workflow.permissions)).not.toContain("write");
  });

  it("checks out without stored credentials and never pastes event text into a shell", () => {
    for (const job of Object.values(workflow.jobs))
      for (const step of job.steps) {
        if (step.uses?.startsWith("actions/checkout")) expect(step.with?.["persist-credentials"]).toBe(false);
        expect(step.run ?? "").not.toMatch(/\$\{\{\s*github\.(base_ref|head_ref|event)/);
      }
  });

  it("pins every action by a full commit, so a moved tag cannot change what runs", () => {
    const uses = Object.values(workflow.jobs).flatMap((job) => job.steps.flatMap((s) => (s.uses ? [s.uses] : [])));
    expect(uses.length).toBeGreaterThan(0);
    for (const action of uses) expect(action, action).toMatch(/^[\w.-]+\/[\w.-]+(\/[\w./-]+)?@[0-9a-f]{40}$/);
  });
});
