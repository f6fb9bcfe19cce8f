/**
 * docker-compose.yml cannot be run here (no Docker engine), so it is checked against the Compose
 * specification with dclint, and for what matters to users: the image, the healthcheck, the volume,
 * and the same configuration names the server reads.
 */
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import YAML from "yaml";
import { CONFIG_NAMES, repoRoot } from "../../server/src/config.js";

const file = path.join(repoRoot, "docker-compose.yml");
const compose = YAML.parse(fs.readFileSync(file, "utf8"));
const hasComposeClient = spawnSync("docker", ["compose", "version"]).status === 0;

describe("docker-compose.yml", () => {
  it("is valid against the Compose specification (dclint, no warnings)", () => {
    const bin = path.join(repoRoot, "node_modules/.bin/dclint");
    const result = spawnSync(bin, [file, "--max-warnings", "0", "--color", "false"], { encoding: "utf8" });
    expect(result.stdout + result.stderr).not.toMatch(/error|warning/);
    expect(result.status).toBe(0);
  });

  it("runs the official neo4j:5.26-community image with a healthcheck and a data volume", () => {
    expect(compose.services.neo4j.image).toBe("neo4j:5.26-community");
    expect(compose.services.neo4j.healthcheck.test.join(" ")).toContain("7474");
    expect(compose.services.neo4j.volumes).toContain("neo4j-data:/data");
    expect(Object.keys(compose.volumes)).toContain("neo4j-data");
  });

  it("builds the app from the Dockerfile and waits for a healthy Neo4j", () => {
    expect(fs.existsSync(path.join(repoRoot, compose.services.app.build.context, "Dockerfile"))).toBe(true);
    expect(compose.services.app.depends_on.neo4j.condition).toBe("service_healthy");
  });

  it("configures the app only with names the server reads, pointing it at the neo4j service", () => {
    const names = Object.keys(compose.services.app.environment);
    for (const name of names) expect(CONFIG_NAMES, `${name} is not read by server/src/config.ts`).toContain(name);
    expect(compose.services.app.environment.NEO4J_URI).toBe("bolt://neo4j:7687");
    // The password the app uses is the one Neo4j is started with.
    expect(compose.services.neo4j.environment.NEO4J_AUTH).toBe(`neo4j/${compose.services.app.environment.NEO4J_PASSWORD}`);
  });

  it("every name the server reads is read in config.ts and documented in the README", () => {
    const source = fs.readFileSync(path.join(repoRoot, "server/src/config.ts"), "utf8");
    const readme = fs.readFileSync(path.join(repoRoot, "README.md"), "utf8");
    for (const name of CONFIG_NAMES) {
      expect(source, name).toMatch(new RegExp(`env\\.${name}\\b|integer\\(env, "${name}"`));
      expect(readme, `README lacks ${name}`).toContain(`\`${name}\``);
    }
  });

  // Only where a Docker client with the compose plugin exists (not on this project's CI machines).
  it.runIf(hasComposeClient)("passes `docker compose config`", () => {
    execFileSync("docker", ["compose", "-f", file, "config", "--quiet"]);
  });
});
