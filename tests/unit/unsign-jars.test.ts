/**
 * The install step that removes jar signatures (server/neo4j/UnsignJars.java), on a jar signed here
 * with the JDK's own tools: the signature goes, the contents and the other manifest attributes stay,
 * and a jar that was never signed is left as it was.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { javaBinary, jdkTool, unsignSource } from "../../server/src/neo4j/install.js";

let lib: string;
let output: string;
let plainBefore: Buffer;

const run = (tool: string, args: string[], cwd = lib) => execFileSync(tool, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
/** One entry of the rewritten jar, as text. */
function extract(name: string): string {
  const into = fs.mkdtempSync(path.join(os.tmpdir(), "unsigned-"));
  run(jdkTool("jar"), ["--extract", "--file", path.join(lib, "signed.jar"), name], into);
  return fs.readFileSync(path.join(into, name), "utf8");
}
const entries = (jar: string) => run(jdkTool("jar"), ["--list", "--file", jar]).trim().split("\n");

beforeAll(() => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "unsign-"));
  lib = path.join(work, "lib");
  const content = path.join(work, "content");
  fs.mkdirSync(lib);
  fs.mkdirSync(path.join(content, "data"), { recursive: true });
  fs.writeFileSync(path.join(content, "data", "hello.txt"), "hello, atlas\n");
  fs.writeFileSync(path.join(work, "manifest.txt"), "Automatic-Module-Name: test.signed\n");
  run(jdkTool("jar"), ["--create", "--file", "signed.jar", "--manifest", path.join(work, "manifest.txt"), "-C", content, "."]);
  run(jdkTool("jar"), ["--create", "--file", "plain.jar", "-C", content, "."]);
  const keystore = path.join(work, "keys.p12");
  run(jdkTool("keytool"), [
    "-genkeypair",
    "-keystore",
    keystore,
    "-storepass",
    "atlas-test",
    "-alias",
    "t",
    "-keyalg",
    "EC",
    "-dname",
    "CN=atlas test",
    "-validity",
    "2",
  ]);
  run(jdkTool("jarsigner"), ["-keystore", keystore, "-storepass", "atlas-test", "signed.jar", "t"]);
  plainBefore = fs.readFileSync(path.join(lib, "plain.jar"));
  output = run(javaBinary(), [unsignSource, lib]);
}, 120_000);

describe("removing jar signatures at install", () => {
  it("rewrites the signed jar without its signature files and per-entry digests, and says so", () => {
    expect(output.trim()).toBe("unsigned signed.jar");
    const names = entries("signed.jar");
    expect(names.filter((name) => /^META-INF\/[^/]+\.(SF|RSA|DSA|EC)$/.test(name))).toEqual([]);
    const manifest = extract("META-INF/MANIFEST.MF");
    expect(manifest).toContain("Automatic-Module-Name: test.signed");
    expect(manifest).not.toMatch(/-Digest/);
    expect(run(jdkTool("jarsigner"), ["-verify", "signed.jar"])).toContain("jar is unsigned");
  });

  it("keeps every other entry with its contents", () => {
    expect(entries("signed.jar")).toEqual(expect.arrayContaining(["META-INF/MANIFEST.MF", "data/hello.txt"]));
    expect(extract("data/hello.txt")).toBe("hello, atlas\n");
  });

  it("leaves a jar that was never signed untouched, and a second run changes nothing", () => {
    expect(fs.readFileSync(path.join(lib, "plain.jar")).equals(plainBefore)).toBe(true);
    const signedAfter = fs.readFileSync(path.join(lib, "signed.jar"));
    expect(run(javaBinary(), [unsignSource, lib])).toBe("");
    expect(fs.readFileSync(path.join(lib, "signed.jar")).equals(signedAfter)).toBe(true);
  });
});
