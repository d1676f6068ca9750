import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { findPackage } from "./package-home.ts";

const dir = mkdtempSync(join(tmpdir(), "sightline-home-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("findPackage", () => {
  it("finds this checkout's server package and its version", () => {
    const found = findPackage();
    expect(found.home).toMatch(/server$/);
    expect(found.version).toMatch(/^\d+\.\d+\.\d+/);
  });

  it("walks up past other package.json files from a bundled file's depth", () => {
    writeFileSync(
      join(dir, "package.json"),
      JSON.stringify({ name: "@sightline/server", version: "9.8.7" }),
    );
    mkdirSync(join(dir, "dist", "chunks"), { recursive: true });
    writeFileSync(join(dir, "dist", "package.json"), JSON.stringify({ type: "module" }));
    expect(findPackage(join(dir, "dist", "chunks", "main.js"))).toEqual({
      home: dir,
      version: "9.8.7",
    });
  });

  it("fails clearly outside any server package", () => {
    expect(() => findPackage("/")).toThrow(/package.json not found/);
  });
});
