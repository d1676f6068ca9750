// Benchmarks 4 and 5: the kiosk and the extension in real Chromium, and the
// bytes each ships (gzip), each beside its budget.
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { measureTapLatency } from "../kiosk/bench/tap-latency.ts";
import { ROOT } from "../test/support/server-process.ts";
import type { Row } from "./table.ts";

const gz = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length / 1024;
const jsIn = (dir: string, match: RegExp = /\.js$/) =>
  readdirSync(dir)
    .filter((f) => match.test(f))
    .map((f) => join(dir, f));

export function sizeRows(): Row[] {
  const kiosk = jsIn(join(ROOT, "kiosk/dist/assets"));
  const ext = join(ROOT, "extension/dist/chrome");
  // The panel page loads its entry and the shared UI chunks.
  const panel = jsIn(join(ext, "assets"), /^(panel|ui|page-actions)-.*\.js$/);
  const sum = (files: string[]) => files.reduce((a, f) => a + gz(f), 0);
  return [
    {
      name: "kiosk JS total (page + sync worker), gzip",
      value: sum(kiosk),
      unit: "KB",
      baseline: { name: "budget", value: 50 },
    },
    {
      name: "extension content script, gzip",
      value: gz(join(ext, "content.js")),
      unit: "KB",
      baseline: { name: "budget", value: 20 },
    },
    {
      name: "extension side panel JS, gzip",
      value: sum(panel),
      unit: "KB",
      note: `${panel.length} files`,
    },
    { name: "extension service worker, gzip", value: gz(join(ext, "background.js")), unit: "KB" },
  ];
}

export async function kioskRows(taps: number): Promise<Row[]> {
  const r = await measureTapLatency(taps);
  return r.rows.map((row) => ({
    ...row,
    ...(row.name.includes("p95") ? { baseline: { name: "target", value: 30 } } : {}),
  }));
}

/** Capture → saved in Chromium, from the extension end-to-end run's own timings. */
export function extensionCaptureRows(): Row[] {
  const run = spawnSync("npx", ["vitest", "run", "test/extension.e2e.test.ts"], {
    cwd: ROOT,
    encoding: "utf8",
    timeout: 300_000,
  });
  const line = `${run.stdout}${run.stderr}`.match(/extension e2e timings \(ms\): (\{.*\})/);
  if (!line?.[1]) throw new Error("extension e2e did not report timings");
  const t = JSON.parse(line[1]) as Record<string, number>;
  return Object.entries(t).map(([name, value]) => ({
    name: `extension ${name}`,
    value,
    unit: "ms",
  }));
}
