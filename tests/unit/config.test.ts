/** The environment is parsed once; every bad value is reported together. */
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../server/src/config.js";

describe("configuration", () => {
  it("defaults to the embedded Neo4j on 7687 and port 4000", () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ port: 4000, neo4jUri: undefined, embedded: { boltPort: 7687 } });
  });

  it("uses NEO4J_URI, NEO4J_USER and NEO4J_PASSWORD when set", () => {
    const c = loadConfig({ NEO4J_URI: "neo4j+s://abc.databases.neo4j.io", NEO4J_USER: "u", NEO4J_PASSWORD: "p" });
    expect(c).toMatchObject({ neo4jUri: "neo4j+s://abc.databases.neo4j.io", neo4jUser: "u", neo4jPassword: "p" });
  });

  it("lists every bad value in one error", () => {
    try {
      loadConfig({ PORT: "http", NEO4J_URI: "localhost:7687", NEO4J_EMBEDDED_PORT: "70000" });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).problems).toEqual([
        'NEO4J_URI="localhost:7687" must look like bolt://host:7687 or neo4j+s://host',
        'PORT="http" must be an integer from 0 to 65535',
        'NEO4J_EMBEDDED_PORT="70000" must be an integer from 1 to 65535',
      ]);
    }
  });

  it("reads the CORS allow-list as a comma-separated list", () => {
    expect(loadConfig({ CORS_ORIGINS: "https://a.example, https://b.example" }).corsOrigins).toEqual(["https://a.example", "https://b.example"]);
  });
});
