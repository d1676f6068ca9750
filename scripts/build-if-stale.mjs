// `npm start`: build only what is missing or stale, then the server starts
// from the built files. A target is stale when any of its inputs (sources,
// package manifests) is newer than its output, or when package-lock.json's
// content differs from the one it was last built with here (by hash: npm
// rewrites the lockfile's mtime on `npm prune` without changing it); each
// rebuild is printed with the reason. Plain JavaScript: it runs before
// anything is built and after `npm prune --omit=dev` (no tsx).
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const SKIP = new Set(["node_modules", "dist", ".vite", "coverage", "test-artifacts"]);
const isTest = (name) => /\.test\.tsx?$/.test(name);

/** The newest file under `paths` (relative to `root`, recursively), as {file, ms}. */
function newest(root, paths) {
  let best = { file: null, ms: 0 };
  const visit = (p) => {
    if (!existsSync(p)) return;
    const s = statSync(p);
    if (s.isDirectory()) {
      for (const e of readdirSync(p)) if (!SKIP.has(e) && !isTest(e)) visit(join(p, e));
    } else if (s.mtimeMs > best.ms) best = { file: p, ms: s.mtimeMs };
  };
  for (const p of paths) visit(join(root, p));
  return best;
}

const CLIENT_INPUTS = ["shared/src", "shared/package.json", "browser/src"];
export const TARGETS = [
  {
    name: "web app",
    output: "server/web/dist/index.html",
    inputs: ["server/web", "server/package.json", ...CLIENT_INPUTS],
    run: ["run", "build:web", "-w", "server"],
  },
  {
    name: "kiosk",
    output: "kiosk/dist/index.html",
    inputs: [
      "kiosk/src",
      "kiosk/public",
      "kiosk/index.html",
      "kiosk/vite.config.ts",
      "kiosk/package.json",
      ...CLIENT_INPUTS,
    ],
    run: ["run", "build", "-w", "kiosk"],
  },
  {
    name: "server",
    output: "server/dist/main.js",
    inputs: ["server/src", "server/scripts", "server/package.json", "shared/src"],
    run: ["run", "build:server", "-w", "server"],
  },
];

export const lockHash = (root) =>
  createHash("sha256")
    .update(readFileSync(join(root, "package-lock.json")))
    .digest("hex");

/** Where the lockfile hash a target was last built with is kept. */
export const stampFile = (root, target) =>
  join(
    root,
    "node_modules",
    ".cache",
    "sightline-build",
    `${target.name.replace(/\W+/g, "-")}.lock-sha256`,
  );

/** Why `target` must be rebuilt, or null when it is up to date. */
export function staleReason(root, target, hash) {
  const out = join(root, target.output);
  if (!existsSync(out)) return `${target.output} is missing`;
  const input = newest(root, target.inputs);
  if (input.ms > statSync(out).mtimeMs)
    return `${relative(root, input.file)} is newer than ${target.output}`;
  // No stamp: built by `npm run build`, which used the lockfile as it is.
  const stamp = stampFile(root, target);
  if (existsSync(stamp) && readFileSync(stamp, "utf8").trim() !== hash)
    return "package-lock.json changed since it was built";
  return null;
}

export function recordBuilt(root, target, hash) {
  const stamp = stampFile(root, target);
  mkdirSync(join(stamp, ".."), { recursive: true });
  writeFileSync(stamp, `${hash}\n`);
}

function main() {
  const root = fileURLToPath(new URL("..", import.meta.url));
  const hash = lockHash(root);
  for (const t of TARGETS) {
    const why = staleReason(root, t, hash);
    if (why) {
      console.log(`build: ${t.name}: ${why} → rebuilding`);
      execFileSync("npm", t.run, { cwd: root, stdio: "inherit" });
    } else console.log(`build: ${t.name} is up to date`);
    if (why || !existsSync(stampFile(root, t))) recordBuilt(root, t, hash);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) main();
