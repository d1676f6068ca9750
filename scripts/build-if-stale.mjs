// `npm start`: build only what is missing or stale, then the server starts
// from the built files. A target is stale when any of its inputs (sources,
// package manifests) is newer than its output, or when package-lock.json's
// content differs from the one it was last built with here (by hash: npm
// rewrites the lockfile's mtime on `npm prune` without changing it); each
// rebuild is printed with the reason.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const SKIP = new Set(["node_modules", "dist", ".vite", "coverage", "test-artifacts"]);
const isTest = (name) => /\.test\.tsx?$/.test(name);

/** The newest file under `paths` (recursively), as {file, ms}. */
function newest(paths) {
  let best = { file: null, ms: 0 };
  const visit = (p) => {
    if (!existsSync(p)) return;
    const s = statSync(p);
    if (s.isDirectory()) {
      for (const e of readdirSync(p)) if (!SKIP.has(e) && !isTest(e)) visit(join(p, e));
    } else if (s.mtimeMs > best.ms) best = { file: p, ms: s.mtimeMs };
  };
  for (const p of paths) visit(join(ROOT, p));
  return best;
}

const CLIENT_INPUTS = ["shared/src", "shared/package.json", "browser/src"];
const STAMPS = join(ROOT, "node_modules", ".cache", "sightline-build");
mkdirSync(STAMPS, { recursive: true });
const LOCK_HASH = createHash("sha256")
  .update(readFileSync(join(ROOT, "package-lock.json")))
  .digest("hex");
const TARGETS = [
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

for (const t of TARGETS) {
  const out = join(ROOT, t.output);
  // The lockfile hash it was last built with (none: built by `npm run build`).
  const stamp = join(STAMPS, `${t.name.replace(/\W+/g, "-")}.lock-sha256`);
  let why = null;
  if (!existsSync(out)) why = `${t.output} is missing`;
  else {
    const input = newest(t.inputs);
    if (input.ms > statSync(out).mtimeMs)
      why = `${relative(ROOT, input.file)} is newer than ${t.output}`;
    else if (existsSync(stamp) && readFileSync(stamp, "utf8").trim() !== LOCK_HASH)
      why = "package-lock.json changed since it was built";
  }
  if (!why) {
    console.log(`build: ${t.name} is up to date`);
    if (!existsSync(stamp)) writeFileSync(stamp, `${LOCK_HASH}\n`);
    continue;
  }
  console.log(`build: ${t.name}: ${why} → rebuilding`);
  execFileSync("npm", t.run, { cwd: ROOT, stdio: "inherit" });
  writeFileSync(stamp, `${LOCK_HASH}\n`);
}
