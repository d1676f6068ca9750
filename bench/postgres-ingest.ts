// Ingest throughput on PostgreSQL with one and with three server instances,
// side by side in one run (issue 6). Each measurement starts real server
// processes (`node --import tsx server/src/main.ts`) on a fresh schema,
// pairs kiosks, and times concurrent pushes of realistic observations
// (bench/workload.ts) spread round-robin over the instances, as a load
// balancer would. The figure is observations committed per second of wall
// time, acks included (every ack follows a durable COMMIT).
//
// Database: BENCH_DATABASE_URL, else TEST_DATABASE_URL. Without either the
// bench returns one row saying it was skipped.
import { uuidv4 } from "@sightline/shared";
import {
  createTestSchema,
  postgresTestTarget,
} from "../server/src/store/postgres/test-database.ts";
import {
  adminSession,
  type ServerProcess,
  startServerProcess,
} from "../test/support/server-process.ts";
import type { Row } from "./table.ts";
import { createMutations } from "./workload.ts";

export type PostgresIngestOptions = {
  /** Simulated kiosks pushing at once. */
  devices?: number;
  /** Pushes per device. */
  batches?: number;
  /** Observations per push. */
  batchSize?: number;
};

const STORE = {
  name: "Bench",
  timeZone: "Asia/Ho_Chi_Minh",
  zones: ["Cửa vào"],
  behaviours: [],
  feedbackQuestion: { vi: "?", en: "?" },
  reasons: [],
};

async function post(base: string, path: string, json: unknown, token?: string) {
  const res = await fetch(base + path, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(json),
  });
  const body = (await res.json().catch(() => undefined)) as Record<string, unknown> | undefined;
  if (!res.ok) throw new Error(`${path} → ${res.status} ${JSON.stringify(body)}`);
  return body as Record<string, unknown>;
}

async function measure(url: string, instances: number, o: Required<PostgresIngestOptions>) {
  const schema = await createTestSchema(url, "sightline_bench");
  let servers: ServerProcess[] = [];
  try {
    const env = { DATABASE_URL: schema.url };
    servers = await Promise.all(
      Array.from({ length: instances }, () => startServerProcess({ env })),
    );
    const first = servers[0] as ServerProcess;
    const admin = (await adminSession(first.base)).token;
    const storeId = (await post(first.base, "/v1/stores", STORE, admin)).id as string;
    const devices: { deviceId: string; token: string; seq: number }[] = [];
    for (let i = 0; i < o.devices; i++) {
      const { code } = await post(
        first.base,
        "/v1/pairing-codes",
        { role: "staff", storeId },
        admin,
      );
      const deviceId = uuidv4();
      const r = await post(first.base, "/v1/devices/pair", { code, deviceId, kind: "kiosk" });
      devices.push({ deviceId, token: r.token as string, seq: 1 });
    }
    let turn = 0;
    const push = async (d: (typeof devices)[number], n: number) => {
      const s = servers[turn++ % servers.length] as ServerProcess;
      const mutations = createMutations(d.deviceId, storeId, d.seq, n);
      const body = {
        protocol: 1,
        deviceId: d.deviceId,
        clientSchema: 1,
        appVersion: "bench",
        mutations,
      };
      const r = await post(s.base, "/v1/sync/push", body, d.token);
      if (r.lastSeq !== d.seq + n - 1)
        throw new Error(`push not fully applied: ${JSON.stringify(r)}`);
      d.seq += n;
    };
    // Warm-up: connections, prepared statements, JIT — one small push per device.
    await Promise.all(devices.map((d) => push(d, 5)));
    const started = performance.now();
    await Promise.all(
      devices.map(async (d) => {
        for (let b = 0; b < o.batches; b++) await push(d, o.batchSize);
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    return (o.devices * o.batches * o.batchSize) / seconds;
  } finally {
    await Promise.all(servers.map((s) => s.dispose()));
    await schema.drop();
  }
}

/** Observations/s with 1 and with 3 instances on one PostgreSQL, same run. */
export async function runPostgresIngestBench(opts: PostgresIngestOptions = {}): Promise<Row[]> {
  const o = { devices: 24, batches: 10, batchSize: 100, ...opts };
  const url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  const target = url
    ? await postgresTestTarget({ TEST_DATABASE_URL: url })
    : { ok: false as const, reason: "BENCH_DATABASE_URL / TEST_DATABASE_URL not set" };
  if (!target.ok) {
    return [
      { name: "ingest, PostgreSQL", value: 0, unit: "obs/s", note: `skipped: ${target.reason}` },
    ];
  }
  const one = await measure(target.url, 1, o);
  const three = await measure(target.url, 3, o);
  const note = `${o.devices} kiosks × ${o.batches} pushes × ${o.batchSize} obs, one workspace`;
  return [
    { name: "ingest, PostgreSQL, 1 instance", value: one, unit: "obs/s", note },
    {
      name: "ingest, PostgreSQL, 3 instances",
      value: three,
      unit: "obs/s",
      baseline: { name: "1 instance", value: one },
      note,
    },
  ];
}
