// Build the extension: `npm run build -w @sightline/extension`.
//
// Three Vite builds into a staging folder, then one unpacked folder and one
// zip per browser:
//   pages      side panel, popup, options — ES modules (Preact), shared chunks
//   worker     background.js — one self-contained file (a module service
//              worker in Chrome, a background script in Firefox)
//   content    content.js — one classic IIFE, injected with executeScript
//   parser     page-parser.js — Firefox only, a classic script loaded before
//              background.js: the DOM compare step for watched pages (the
//              Chromium build parses in offscreen.html instead)
// No inline scripts anywhere (extension CSP: script-src 'self').
//
//   dist/chrome/   dist/firefox/   dist/sightline-<target>-<version>.zip
//
// `--out <dir>` builds elsewhere (tests build into temporary folders so they
// never race each other or a developer's dist/). Importing this module builds
// nothing: test/bundle-budgets.test.ts calls buildContentScript.
import {
  cpSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import preact from "@preact/preset-vite";
import { zipSync } from "fflate";
import { build, type InlineConfig } from "vite";
import { localeMessages, manifest, type Target } from "./manifest.ts";

const root = import.meta.dirname;
const src = join(root, "src");
const outFlag = process.argv.indexOf("--out");
const dist =
  outFlag > 0 && process.argv[outFlag + 1]
    ? resolve(process.argv[outFlag + 1] as string)
    : join(root, "dist");
const stage = join(dist, ".stage");
const version = (
  JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version: string }
).version;

const shared: InlineConfig = {
  configFile: false,
  logLevel: "warn",
  define: { "process.env.NODE_ENV": JSON.stringify("production") },
  plugins: [preact()],
};

/** One file, no chunks: the worker and the content script each load as a single script. */
async function single(
  entry: string,
  format: "es" | "iife",
  fileName: string,
  outDir = stage,
): Promise<void> {
  await build({
    ...shared,
    plugins: [],
    build: {
      outDir,
      emptyOutDir: false,
      minify: true,
      target: "es2022",
      sourcemap: false,
      copyPublicDir: false,
      lib: { entry, formats: [format], name: "sightline", fileName: () => fileName },
      rolldownOptions: { output: { codeSplitting: false, minify: true } },
    },
  });
}

async function pages(): Promise<void> {
  await build({
    ...shared,
    root: join(src, "ui"),
    base: "/",
    build: {
      outDir: stage,
      emptyOutDir: false,
      minify: true,
      target: "es2022",
      modulePreload: false,
      sourcemap: false,
      rollupOptions: {
        input: {
          panel: join(src, "ui", "panel.html"),
          popup: join(src, "ui", "popup.html"),
          options: join(src, "ui", "options.html"),
          // Chromium's offscreen document for watched pages (Firefox parses in its event page).
          offscreen: join(src, "ui", "offscreen.html"),
        },
      },
    },
  });
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

function packageFor(target: Target): void {
  const out = join(dist, target);
  rmSync(out, { recursive: true, force: true });
  cpSync(stage, out, { recursive: true });
  // Each browser gets only its own way of parsing watched pages.
  if (target === "chrome") rmSync(join(out, "page-parser.js"));
  else {
    rmSync(join(out, "offscreen.html"));
    for (const f of readdirSync(join(out, "assets")))
      if (f.startsWith("offscreen-")) rmSync(join(out, "assets", f));
  }
  cpSync(join(root, "static"), out, { recursive: true });
  for (const lang of ["vi", "en"] as const) {
    mkdirSync(join(out, "_locales", lang), { recursive: true });
    writeFileSync(
      join(out, "_locales", lang, "messages.json"),
      `${JSON.stringify(localeMessages(lang), null, 2)}\n`,
    );
  }
  writeFileSync(
    join(out, "manifest.json"),
    `${JSON.stringify(manifest(target, version), null, 2)}\n`,
  );
  const files: Record<string, Uint8Array> = {};
  for (const f of filesUnder(out)) files[relative(out, f).split("\\").join("/")] = readFileSync(f);
  writeFileSync(
    join(dist, `sightline-${target}-${version}.zip`),
    zipSync(files, { level: 9, mtime: new Date("1980-01-02T00:00:00Z") }),
  );
}

/** Only the content script, as content.js in `outDir` (the bundle budget test measures it). */
export async function buildContentScript(outDir: string): Promise<void> {
  await single(join(src, "content", "content.ts"), "iife", "content.js", outDir);
}

async function main(): Promise<void> {
  rmSync(dist, { recursive: true, force: true });
  mkdirSync(stage, { recursive: true });
  await pages();
  await single(join(src, "background.ts"), "es", "background.js");
  await buildContentScript(stage);
  await single(join(src, "offscreen", "firefox-page-parser.ts"), "iife", "page-parser.js");
  for (const target of ["chrome", "firefox"] as const) packageFor(target);
  rmSync(stage, { recursive: true, force: true });
  console.log(`extension ${version}: dist/chrome, dist/firefox and zips`);
}

// Run as a script (`tsx build.ts`), not when a test imports buildContentScript.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
