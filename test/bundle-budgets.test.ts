// Bundle budgets, asserted rather than printed: gzip (level 9) of every
// JavaScript file the kiosk build emits — the page's entry and chunks, the
// sync worker and the service worker, all fetched when the page starts — and
// of the extension's content script, injected into every page it captures
// on. Both are built here with Vite into a temporary folder (a few seconds),
// so the figures are those of the code under test, never of an old dist/.
// KB = 1024 bytes, as in bench/surfaces.ts.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { build } from "vite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildContentScript } from "../extension/build.ts";

const ROOT = join(import.meta.dirname, "..");
const out = mkdtempSync(join(tmpdir(), "sightline-budgets-"));

const BUDGET_KB = { kiosk: 50, contentScript: 20 };
const gzipKb = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length / 1024;
const jsFiles = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return jsFiles(path);
    return name.endsWith(".js") ? [path] : [];
  });
const kb = (n: number) => `${n.toFixed(1)} KB`;

beforeAll(async () => {
  // Vitest sets NODE_ENV=test, which would give development builds of Preact.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = "production";
  try {
    await Promise.all([
      build({
        configFile: join(ROOT, "kiosk", "vite.config.ts"),
        mode: "production",
        logLevel: "warn",
        build: { outDir: join(out, "kiosk"), emptyOutDir: true },
      }),
      buildContentScript(join(out, "extension")),
    ]);
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
}, 120_000);
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe("bundle budgets (gzip)", () => {
  it(`kiosk: all JS the page loads at start ≤ ${BUDGET_KB.kiosk} KB`, () => {
    const files = jsFiles(join(out, "kiosk"));
    expect(files.length, "the kiosk build emitted no JS").toBeGreaterThan(0);
    const parts = files.map((f) => `${f.slice(out.length + 1)} ${kb(gzipKb(f))}`).join(", ");
    const total = files.reduce((sum, f) => sum + gzipKb(f), 0);
    expect(
      total,
      `kiosk JS is ${kb(total)} gzip (${parts}); budget ${BUDGET_KB.kiosk} KB`,
    ).toBeLessThanOrEqual(BUDGET_KB.kiosk);
  });

  it(`extension content script ≤ ${BUDGET_KB.contentScript} KB`, () => {
    const size = gzipKb(join(out, "extension", "content.js"));
    expect(
      size,
      `the content script is ${kb(size)} gzip; budget ${BUDGET_KB.contentScript} KB`,
    ).toBeLessThanOrEqual(BUDGET_KB.contentScript);
  });
});
