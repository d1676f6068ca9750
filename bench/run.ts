// `npm run bench`: every figure beside its baseline from the same run, as a
// table, and bench/results.json for comparing two runs. Sections whose
// surface is not built (or whose prerequisites are missing) say so.
import { writeFileSync } from "node:fs";
import { reportCostRows, runAnalyticsLoadBench } from "./analytics-load.ts";
import { runInitialPullBench } from "./initial-pull.ts";
import { runJournalBench } from "./journal-open.ts";
import { runTimelineBench } from "./journal-timeline.ts";
import { runPostgresIngestBench } from "./postgres-ingest.ts";
import { runSuggestionsBenchAsShipped } from "./suggestions-as-shipped.ts";
import { extensionCaptureRows, kioskRows, sizeRows } from "./surfaces.ts";
import { runIngestBench } from "./sync-ingest.ts";
import { printTable, type Row } from "./table.ts";

const quick = process.argv.includes("--quick");
const rows: Row[] = [];
const log = (s: string) => process.stderr.write(`bench: ${s}\n`);

async function section(name: string, fn: () => Promise<Row[]>) {
  log(`${name}…`);
  const t = performance.now();
  try {
    rows.push(...(await fn()));
  } catch (e) {
    rows.push({
      name: `${name} — FAILED`,
      value: 0,
      unit: "",
      note: e instanceof Error ? e.message.slice(0, 120) : String(e),
    });
  }
  log(`${name} done in ${((performance.now() - t) / 1000).toFixed(1)} s`);
}

const total = quick ? 10_000 : 100_000;
let server: Awaited<ReturnType<typeof runIngestBench>>["keep"] | null = null;
await section("sync ingest", async () => {
  const r = await runIngestBench(total);
  server = r.keep;
  return r.rows;
});
await section("initial pull", async () => {
  if (!server) throw new Error("ingest did not leave a server");
  return runInitialPullBench(server.server.base, server.admin);
});
await section("journal open and suggestions", async () => {
  if (!server) throw new Error("ingest did not leave a server");
  const s = server as Awaited<ReturnType<typeof runIngestBench>>["keep"];
  // 8 devices × one observation per minute each.
  return runJournalBench(
    s.server.base,
    s.admin,
    s.storeId,
    quick
      ? [{ n: 8_000, minutes: 1000 }]
      : [
          { n: 10_000, minutes: 1250 },
          { n: 100_000, minutes: 12_500 },
        ],
  );
});
// The whole-journal timeline with q and two filters, on its own app (SQLite file; PostgreSQL when configured).
await section("journal timeline query", async () => [
  ...(await runTimelineBench(total, "sqlite")),
  ...(await runTimelineBench(total, "postgres")),
]);
await section("suggestions, realistic texts (issue 16)", () =>
  runSuggestionsBenchAsShipped(quick ? 10_000 : 100_000),
);
await section("bundle sizes", async () => sizeRows());
await section("kiosk tap → durable (Chromium)", () => kioskRows(quick ? 60 : 250));
await section("extension capture → saved (Chromium)", async () => extensionCaptureRows());
await section("PostgreSQL ingest, 1 vs 3 instances", () => runPostgresIngestBench());
await section("analytics under load (issue 18)", async () => [
  ...(await reportCostRows(quick ? 20_000 : 200_000)),
  ...(await runAnalyticsLoadBench(quick ? 20_000 : 200_000)),
]);
await (server as Awaited<ReturnType<typeof runIngestBench>>["keep"] | null)?.server.dispose();

const table = printTable(rows);
process.stdout.write(`\n${table}\n`);
writeFileSync(
  new URL("./results.json", import.meta.url),
  JSON.stringify({ at: new Date().toISOString(), quick, rows }, null, 2),
);
log("wrote bench/results.json");
