// The house rules on imports, checked on every source file of the
// workspaces (see test/support/import-graph.ts):
//   - shared imports no other workspace, no Node module and nothing DOM-only;
//   - the clients (kiosk, extension, the web app) and browser/ never import
//     the server;
//   - no module under a src/ that ships imports test support;
//   - no import cycle inside a package;
//   - `npm run test:unit` leaves out every test that starts a process or a
//     browser.
// Each failure names the file and the import (or the cycle) at fault.
import { builtinModules } from "node:module";
import { describe, expect, it } from "vitest";
import { NOT_UNIT } from "../vitest.unit.config.ts";
import {
  findCycles,
  isTestFile,
  PACKAGES,
  packageOf,
  readSources,
  type SourceFile,
} from "./support/import-graph.ts";

const sources = readSources();
const describeImport = (s: SourceFile, i: SourceFile["imports"][number]) =>
  `${s.file} imports "${i.specifier}"${i.file && i.file !== i.specifier ? ` (${i.file})` : ""}`;

/** Packages that need a DOM (or an IndexedDB) to mean anything. */
const DOM_ONLY = [
  "idb",
  "preact",
  "comlink",
  "webextension-polyfill",
  "happy-dom",
  "fake-indexeddb",
  "@testing-library/dom",
  "@testing-library/preact",
  "approx-string-match",
];
const NODE = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
/** Libraries only tests use. */
const TEST_LIBRARIES = [
  "vitest",
  "fast-check",
  "fake-indexeddb",
  "happy-dom",
  "playwright-core",
  "@testing-library/dom",
  "@testing-library/preact",
];
/** Where test support lives, by path: */
const TEST_SUPPORT = /(^|\/)(test|tests|test-support|testing|test-fixtures)\/|\.contract\.ts$/;

describe("shared is pure", () => {
  it("imports no other workspace, no Node module and nothing DOM-only", () => {
    const bad = sources
      .filter((s) => s.pkg === "shared")
      .flatMap((s) =>
        s.imports
          .filter(
            (i) =>
              (i.file !== null && packageOf(i.file) !== "shared") ||
              (i.file === null && i.packageName?.startsWith("@sightline/")) ||
              (i.packageName !== null && NODE.has(i.packageName)) ||
              (i.packageName !== null && DOM_ONLY.includes(i.packageName)),
          )
          .map((i) => describeImport(s, i)),
      );
    expect(bad, "shared must stay pure").toEqual([]);
  });
});

describe("the clients never import the server", () => {
  it.each(["kiosk", "extension", "server/web", "browser"] as const)("%s", (pkg) => {
    const bad = sources
      .filter((s) => s.pkg === pkg)
      .flatMap((s) =>
        s.imports
          .filter(
            (i) =>
              i.packageName === "@sightline/server" ||
              (i.file !== null && packageOf(i.file) === "server"),
          )
          .map((i) => describeImport(s, i)),
      );
    expect(bad, `${pkg} reaches into the server`).toEqual([]);
  });
});

describe("nothing under a src/ that ships imports test support", () => {
  it.each(PACKAGES.filter((p) => p !== "test" && p !== "bench"))("%s", (pkg) => {
    const bad = sources
      .filter((s) => s.pkg === pkg && s.file.includes("/src/") && !isTestFile(s.file))
      .flatMap((s) =>
        s.imports
          .filter(
            (i) =>
              (i.file !== null && TEST_SUPPORT.test(i.file)) ||
              /^@sightline\/[^/]+\/(test|testing)(\/|$)/.test(i.specifier) ||
              (i.packageName !== null && TEST_LIBRARIES.includes(i.packageName)),
          )
          .map((i) => describeImport(s, i)),
      );
    expect(bad, `${pkg}/src ships test support`).toEqual([]);
  });
});

describe("no import cycles", () => {
  it.each(PACKAGES)("%s", (pkg) => {
    const cycles = findCycles(sources.filter((s) => s.pkg === pkg)).map((c) => c.join(" → "));
    expect(cycles, `import cycles in ${pkg}`).toEqual([]);
  });
});

describe("npm run test:unit", () => {
  // `**/` matches any depth (or none); `*` anything but a slash.
  const globRegExp = (glob: string) =>
    new RegExp(
      `^${glob
        .split("**/")
        .map((part) => part.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, "[^/]*"))
        .join("(?:.*/)?")}$`,
    );
  const excluded = NOT_UNIT.map(globRegExp);

  it("leaves out every test that starts a process or a browser", () => {
    const byFile = new Map(sources.map((s) => [s.file, s]));
    const starts = (file: string, seen = new Set<string>()): boolean => {
      if (seen.has(file)) return false;
      seen.add(file);
      return (byFile.get(file)?.imports ?? []).some(
        (i) =>
          i.packageName === "node:child_process" ||
          i.packageName === "child_process" ||
          i.packageName === "playwright-core" ||
          (i.file !== null && starts(i.file, seen)),
      );
    };
    const missed = sources
      .filter((s) => isTestFile(s.file) && starts(s.file))
      .map((s) => s.file)
      .filter((f) => !excluded.some((r) => r.test(f)));
    expect(missed, "add these to NOT_UNIT in vitest.unit.config.ts").toEqual([]);
  });

  it("reads the globs as Vitest does", () => {
    expect(excluded.some((r) => r.test("test/kiosk.e2e.test.ts"))).toBe(true);
    expect(excluded.some((r) => r.test("server/src/main.process.test.ts"))).toBe(true);
    expect(excluded.some((r) => r.test("extension/build.test.ts"))).toBe(true);
  });

  it("still runs the rest", () => {
    expect(excluded.some((r) => r.test("test/import-rules.test.ts"))).toBe(false);
    expect(excluded.some((r) => r.test("shared/src/hlc.test.ts"))).toBe(false);
  });
});
