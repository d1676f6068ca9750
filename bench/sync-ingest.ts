// Benchmark 1: sync ingest through POST /v1/sync/push over loopback HTTP
// (real server process, SQLite, synchronous=FULL), against the raw baseline:
// better-sqlite3 inserting the same rows in batched transactions, no HTTP and
// no validation. Each scenario gets a fresh database.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { TEST_STORE } from "@sightline/server/testing";
import { uuidv4 } from "@sightline/shared";
import { openSqlite } from "../server/src/db/sqlite/handle.ts";
import { toRow, UPSERT_OBSERVATION } from "../server/src/db/sqlite/rows.ts";
import { adminSession, startServerProcess } from "../test/support/server-process.ts";
import type { Row } from "./table.ts";
import { createMutations } from "./workload.ts";

export type IngestScenario = { batch: number; devices: number; total: number };

/** Push `total` observations from `devices` concurrent devices; returns obs/s. Leaves the server running. */
export async function httpIngest(s: IngestScenario, nodeArgs: string[] = []) {
  const server = await startServerProcess({ env: { LOG_LEVEL: "error" }, nodeArgs });
  const admin = await adminSession(server.base);
  const store = await admin.api<{ id: string }>("POST", "/v1/stores", TEST_STORE);
  const devices = await Promise.all(
    Array.from({ length: s.devices }, async () => {
      const deviceId = uuidv4();
      const paired = await admin.pair("staff", deviceId, store.id);
      return { deviceId, token: paired.token };
    }),
  );
  const per = Math.floor(s.total / s.devices);
  // Bodies are built before the clock starts: we time the server, not JSON.stringify.
  const bodies = devices.map((d) => {
    const out: string[] = [];
    for (let seq = 1; seq <= per; seq += s.batch) {
      out.push(
        JSON.stringify({
          protocol: 1,
          deviceId: d.deviceId,
          clientSchema: 1,
          appVersion: "bench",
          mutations: createMutations(d.deviceId, store.id, seq, Math.min(s.batch, per - seq + 1)),
        }),
      );
    }
    return out;
  });
  const cpu0 = processCpuMs(server.pid());
  const started = performance.now();
  await Promise.all(
    devices.map(async (d, i) => {
      for (const body of bodies[i] ?? []) {
        const res = await fetch(`${server.base}/v1/sync/push`, {
          method: "POST",
          headers: { "content-type": "application/json", authorization: `Bearer ${d.token}` },
          body,
        });
        if (res.status !== 200) throw new Error(`push → ${res.status} ${await res.text()}`);
        await res.arrayBuffer();
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const cpuUs = ((processCpuMs(server.pid()) - cpu0) * 1000) / (per * s.devices);
  return {
    rate: (per * s.devices) / seconds,
    cpuUsPerObs: cpuUs,
    server,
    admin,
    storeId: store.id,
  };
}

/** utime + stime of a process in ms, from /proc (robust to other load on the machine). */
export function processCpuMs(pid: number | undefined): number {
  if (!pid) return Number.NaN;
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
  const ticks = Number(fields[11]) + Number(fields[12]);
  return (ticks * 1000) / 100; // USER_HZ is 100 on Linux
}

/** The same rows straight into better-sqlite3 in transactions of `batch`. */
export function rawInsert(s: IngestScenario): { rate: number; cpuUsPerObs: number } {
  const dir = mkdtempSync(join(tmpdir(), "sightline-raw-"));
  const h = openSqlite(join(dir, "raw.sqlite"));
  try {
    const ws = "ws-raw";
    h.db
      .prepare("INSERT INTO workspaces (id, name, version, created_at) VALUES (?, ?, 0, ?)")
      .run(ws, "raw", new Date().toISOString());
    const device = uuidv4();
    const rows = createMutations(device, "store-1", 1, s.total).map((m, i) =>
      toRow({
        entity: {
          id: m.id,
          workspaceId: ws,
          createdBy: device,
          fields: m.fields ?? {},
          fieldHlc: Object.fromEntries(Object.keys(m.fields ?? {}).map((k) => [k, m.hlc])),
          deletedHlc: null,
          restoredHlc: null,
          version: Math.floor(i / s.batch) + 1,
        },
        ownerId: "owner",
      }),
    );
    const insert = h.db.prepare(UPSERT_OBSERVATION);
    const tx = h.db.transaction((chunk: typeof rows) => {
      for (const r of chunk) insert.run(r);
    });
    const cpu0 = process.cpuUsage();
    const started = performance.now();
    for (let i = 0; i < rows.length; i += s.batch) tx(rows.slice(i, i + s.batch));
    const cpu = process.cpuUsage(cpu0);
    return {
      rate: s.total / ((performance.now() - started) / 1000),
      cpuUsPerObs: (cpu.user + cpu.system) / s.total,
    };
  } finally {
    h.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function runIngestBench(
  total: number,
): Promise<{ rows: Row[]; keep: Awaited<ReturnType<typeof httpIngest>> }> {
  const rows: Row[] = [];
  let keep: Awaited<ReturnType<typeof httpIngest>> | null = null;
  const scenarios: IngestScenario[] = [
    { batch: 100, devices: 1, total: Math.min(total, 40_000) },
    { batch: 500, devices: 1, total },
    { batch: 100, devices: 8, total },
    { batch: 500, devices: 8, total },
  ];
  for (const s of scenarios) {
    const raw = rawInsert(s);
    const http = await httpIngest(s);
    const label = `batch ${s.batch}, ${s.devices} device${s.devices > 1 ? "s" : ""} (${s.total.toLocaleString("en-US")} obs)`;
    rows.push({
      name: `ingest push ${label}`,
      value: http.rate,
      unit: "obs/s",
      baseline: { name: `raw better-sqlite3, tx of ${s.batch}`, value: raw.rate },
      note: "target ≥ 50 % of raw; ≥ 100,000 obs/s at batch 500",
    });
    rows.push({
      name: `ingest server CPU per obs, ${label}`,
      value: http.cpuUsPerObs,
      unit: "µs",
      baseline: { name: "raw insert CPU per row", value: raw.cpuUsPerObs },
      note: "CPU time: robust to other load",
    });
    if (keep) await keep.server.dispose();
    keep = http;
  }
  return { rows, keep: keep as NonNullable<typeof keep> };
}
