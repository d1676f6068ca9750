// Rough push throughput of the real app on a file-backed SQLite database
// (WAL, synchronous=FULL): N devices each push B batches of SIZE (default 500) creates
// through app.request(). Run: npx tsx server/test/support/bench/push-throughput.ts
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { storeObservation, webObservation } from "../mutations.ts";
import { createTestApp } from "../test-app.ts";

const DEVICES = Number(process.env.DEVICES ?? 4);
const BATCHES = Number(process.env.BATCHES ?? 10);
const SIZE = Number(process.env.SIZE ?? 500);

const dir = mkdtempSync(join(tmpdir(), "sightline-bench-"));
const t = await createTestApp({ file: join(dir, "bench.sqlite") });
try {
  const devices = await Promise.all(
    Array.from({ length: DEVICES }, (_, i) => t.pair(i % 2 ? "marketer" : "staff")),
  );
  const started = performance.now();
  let latencies: number[] = [];
  await Promise.all(
    devices.map(async (d) => {
      for (let b = 0; b < BATCHES; b++) {
        const make = d.storeId ? storeObservation : webObservation;
        const batch = Array.from({ length: SIZE }, (_, i) => make(b * SIZE + i + 1, d));
        const t0 = performance.now();
        const res = await t.push(d, batch);
        latencies.push(performance.now() - t0);
        if (res.status !== 200) throw new Error(`push ${res.status}: ${await res.text()}`);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const total = DEVICES * BATCHES * SIZE;
  latencies = latencies.sort((a, b) => a - b);
  console.log(
    JSON.stringify({
      mutations: total,
      seconds: Math.round(seconds * 100) / 100,
      mutationsPerSecond: Math.round(total / seconds),
      pushP50ms: Math.round(latencies[Math.floor(latencies.length / 2)] ?? 0),
      pushMaxMs: Math.round(latencies.at(-1) ?? 0),
      stored: (await t.dumpAll()).length,
    }),
  );
} finally {
  await t.close();
  rmSync(dir, { recursive: true, force: true });
}
