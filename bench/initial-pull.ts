// Benchmark 2: a new device pulls everything — the server side alone (HTTP
// pages, nothing applied) and end to end (the real client engine applying
// pages into fake-indexeddb), with pages of 1,000 and 5,000.
import "fake-indexeddb/auto";
import { createFetchTransport, createSyncEngine, uuidv4 } from "@sightline/shared";
import { openIdbStorage } from "@sightline/shared/idb";
import type { Row } from "./table.ts";

type Admin = {
  pair(
    role: "marketer",
    deviceId: string,
  ): Promise<{ token: string; device: { workspaceId: string } }>;
};

async function serverOnly(base: string, admin: Admin, limit: number) {
  const deviceId = uuidv4();
  const { token } = await admin.pair("marketer", deviceId);
  let cookie: unknown = null;
  let n = 0;
  const started = performance.now();
  for (;;) {
    const res = await fetch(`${base}/v1/sync/pull`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify({ protocol: 1, deviceId, clientSchema: 1, cookie, limit }),
    });
    // JSON only: this baseline times the server and the wire, not client validation.
    const page = (await res.json()) as { changes: unknown[]; cookie: unknown; hasMore: boolean };
    n += page.changes.length;
    cookie = page.cookie;
    if (!page.hasMore) break;
  }
  return { ms: performance.now() - started, n };
}

async function endToEnd(base: string, admin: Admin, limit: number) {
  const deviceId = uuidv4();
  const paired = await admin.pair("marketer", deviceId);
  const storage = await openIdbStorage(`bench-pull-${deviceId}`);
  await storage.init(deviceId, paired.device.workspaceId);
  const engine = createSyncEngine({
    storage,
    transport: createFetchTransport({
      baseUrl: base,
      token: () => paired.token,
      timeoutMs: 120_000,
    }),
    appVersion: "bench",
    pullLimit: limit,
  });
  const started = performance.now();
  const out = await engine.sync();
  const ms = performance.now() - started;
  if (!out.ok) throw new Error(`pull failed: ${out.detail}`);
  const n = (await storage.entities()).length;
  storage.close();
  return { ms, n };
}

export async function runInitialPullBench(base: string, admin: Admin): Promise<Row[]> {
  const rows: Row[] = [];
  for (const limit of [1000, 5000]) {
    const s = await serverOnly(base, admin, limit);
    const e = await endToEnd(base, admin, limit);
    rows.push({
      name: `initial pull ${e.n.toLocaleString("en-US")} obs, pages of ${limit} (engine → fake-indexeddb)`,
      value: e.ms,
      unit: "ms",
      baseline: { name: "server only (HTTP pages, nothing applied)", value: s.ms },
      note: "target < 2,000 ms",
    });
  }
  return rows;
}
