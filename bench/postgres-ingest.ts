// Ingest throughput on PostgreSQL with one and with three server instances,
// side by side in one run (issue 6). Each measurement starts real server
// processes (`node --import tsx server/src/main.ts`) on a fresh schema,
// pairs kiosks, and times concurrent pushes of realistic observations
// (bench/workload.ts) spread round-robin over the instances, as a load
// balancer would. The figure is observations committed per second of wall
// time, acks included (every ack follows a durable COMMIT). The two set-ups
// alternate for `rounds` rounds and the best of each is kept, which damps
// noise from other work on the machine.
//
// A third row spreads the same load over three workspaces: pushes of one
// workspace are serialised by its row lock (that is what keeps pull cursors
// exact), so it shows what more instances buy when tenants differ.
//
// Database: BENCH_DATABASE_URL, else TEST_DATABASE_URL. Without either the
// bench returns one row saying it was skipped.
import { createTestSchema, openPostgresDb, postgresTestTarget } from "@sightline/server/testing";
import { uuidv4 } from "@sightline/shared";
import { hashPassword } from "../server/src/auth/password.ts";
import {
  ADMIN,
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
  /** Alternating rounds of every set-up; the best of each is reported. */
  rounds?: number;
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

type Device = { deviceId: string; token: string; storeId: string; seq: number };

/** Admin tokens of `n` workspaces: the bootstrapped one, then more made through the Db. */
async function workspaceAdmins(url: string, base: string, n: number): Promise<string[]> {
  const tokens = [(await adminSession(base)).token];
  if (n === 1) return tokens;
  const db = await openPostgresDb(url, { max: 2 });
  try {
    for (let i = 1; i < n; i++) {
      const ws = await db.createWorkspace(`Bench ${i}`);
      const email = `admin${i}@bench.example.com`;
      const passwordHash = await hashPassword(ADMIN.password);
      await db.createUser({
        workspaceId: ws.id,
        email,
        name: null,
        role: "admin",
        passwordHash,
      });
      const login = await post(base, "/v1/auth/login", { email, password: ADMIN.password });
      tokens.push(login.token as string);
    }
  } finally {
    await db.close();
  }
  return tokens;
}

async function measure(
  url: string,
  instances: number,
  workspaces: number,
  o: Required<PostgresIngestOptions>,
) {
  const schema = await createTestSchema(url, "sightline_bench");
  let servers: ServerProcess[] = [];
  try {
    const env = { DATABASE_URL: schema.url };
    servers = await Promise.all(
      Array.from({ length: instances }, () => startServerProcess({ env })),
    );
    const first = servers[0] as ServerProcess;
    const admins = await workspaceAdmins(schema.url, first.base, workspaces);
    const stores = await Promise.all(
      admins.map(async (t) => (await post(first.base, "/v1/stores", STORE, t)).id as string),
    );
    const devices: Device[] = [];
    for (let i = 0; i < o.devices; i++) {
      const admin = admins[i % admins.length] as string;
      const storeId = stores[i % stores.length] as string;
      const { code } = await post(
        first.base,
        "/v1/pairing-codes",
        { role: "staff", storeId },
        admin,
      );
      const deviceId = uuidv4();
      const r = await post(first.base, "/v1/devices/pair", { code, deviceId, kind: "kiosk" });
      devices.push({ deviceId, token: r.token as string, storeId, seq: 1 });
    }
    let turn = 0;
    const push = async (d: Device, n: number) => {
      const s = servers[turn++ % servers.length] as ServerProcess;
      const mutations = createMutations(d.deviceId, d.storeId, d.seq, n);
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
  const o = { devices: 24, batches: 10, batchSize: 100, rounds: 2, ...opts };
  const url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  const target = url
    ? await postgresTestTarget({ TEST_DATABASE_URL: url })
    : { ok: false as const, reason: "BENCH_DATABASE_URL / TEST_DATABASE_URL not set" };
  if (!target.ok) {
    return [
      { name: "ingest, PostgreSQL", value: 0, unit: "obs/s", note: `skipped: ${target.reason}` },
    ];
  }
  const best = { one: 0, three: 0, spread: 0 };
  for (let r = 0; r < o.rounds; r++) {
    best.one = Math.max(best.one, await measure(target.url, 1, 1, o));
    best.three = Math.max(best.three, await measure(target.url, 3, 1, o));
    best.spread = Math.max(best.spread, await measure(target.url, 3, 3, o));
  }
  const load = `${o.devices} kiosks × ${o.batches} pushes × ${o.batchSize} obs`;
  const baseline = { name: "1 instance", value: best.one };
  return [
    {
      name: "ingest, PostgreSQL, 1 instance",
      value: best.one,
      unit: "obs/s",
      note: `${load}, one workspace`,
    },
    {
      name: "ingest, PostgreSQL, 3 instances",
      value: best.three,
      unit: "obs/s",
      baseline,
      note: `${load}, one workspace (its pushes commit one at a time)`,
    },
    {
      name: "ingest, PostgreSQL, 3 instances, 3 workspaces",
      value: best.spread,
      unit: "obs/s",
      baseline,
      note: `${load}, spread over three workspaces`,
    },
  ];
}
