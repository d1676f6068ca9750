// The suggestions bench run the way the server runs in production: bundled
// by esbuild with the server's options (server/scripts/build-server.mjs) and
// run by plain `node`, not from TypeScript source through tsx (whose module
// wrappers make every cross-module read a getter call — about a fifth more
// time in this code). `npm run bench` reports these figures; running
// bench/suggestions.ts from source gives the same rows, slower.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import { build } from "esbuild";
import type { Row } from "./table.ts";

const here = new URL(".", import.meta.url).pathname;

export async function runSuggestionsBenchAsShipped(n: number): Promise<Row[]> {
  const pkg = JSON.parse(readFileSync(new URL("../server/package.json", import.meta.url), "utf8"));
  const deps = Object.keys(pkg.dependencies ?? {}).filter((d) => !d.startsWith("@sightline/"));
  mkdirSync(`${here}tmp`, { recursive: true });
  const out = `${here}tmp/suggestions-bench.mjs`;
  await build({
    entryPoints: [`${here}suggestions-main.ts`],
    outfile: out,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20.19",
    external: deps.flatMap((d) => [d, `${d}/*`]),
    logLevel: "warning",
  });
  const run = spawnSync(process.execPath, [out, String(n)], {
    encoding: "utf8",
    maxBuffer: 16 << 20,
  });
  if (run.status !== 0) throw new Error(`suggestions bench: ${run.stderr.slice(0, 500)}`);
  const rows = JSON.parse(run.stdout.trim().split("\n").at(-1) as string) as Row[];
  return rows.map((r) => ({ ...r, name: `${r.name} [bundled, plain node]` }));
}

// `npx tsx bench/suggestions-as-shipped.ts [n]`: these rows alone, as a table.
if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  const { printTable } = await import("./table.ts");
  console.log(printTable(await runSuggestionsBenchAsShipped(Number(process.argv[2] ?? 100_000))));
}
