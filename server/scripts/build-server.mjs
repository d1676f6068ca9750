// Compile the server to JavaScript: one esbuild bundle per entry (dist/main.js
// for `node dist/main.js`, dist/cli.js for the `sightline` command). The
// workspace packages (@sightline/shared) are TypeScript source, so they are
// bundled in; every npm dependency stays external and is loaded from
// node_modules at run time (better-sqlite3 is native, pino spawns workers).
import { readFileSync, rmSync } from "node:fs";
import { build } from "esbuild";

const root = new URL("..", import.meta.url);
const pkg = JSON.parse(readFileSync(new URL("package.json", root), "utf8"));
const deps = Object.keys(pkg.dependencies ?? {}).filter((d) => !d.startsWith("@sightline/"));

rmSync(new URL("dist", root), { recursive: true, force: true });
const started = Date.now();
await build({
  absWorkingDir: new URL(".", root).pathname,
  entryPoints: { main: "src/main.ts", cli: "src/cli/bin.ts" },
  outdir: "dist",
  bundle: true,
  splitting: true,
  platform: "node",
  format: "esm",
  target: "node20.19",
  sourcemap: true,
  external: deps.flatMap((d) => [d, `${d}/*`]),
  chunkNames: "chunks/[name]-[hash]",
  logLevel: "warning",
});
console.log(`server: built dist/main.js and dist/cli.js in ${Date.now() - started} ms`);
