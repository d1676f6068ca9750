// Several stateless server instances on one PostgreSQL (issue 6): THREE real
// server processes share a fresh schema; twelve simulated devices (the real
// client engine on memory storage) push and pull through a transport that
// picks an instance at random per request, over a faulty network (drops,
// duplicates, stale replays, responses lost after commit). Mid-run one
// instance is SIGKILLed. Afterwards every device has converged with the
// server, every write is there exactly once, and re-delivering every push
// changes nothing. An SSE client on instance A hears pushes made through B.
import {
  createTestSchema,
  openPostgresDb,
  type PostgresDb,
  postgresTestTarget,
  type TestSchema,
} from "@sightline/server/testing";
import {
  isLive,
  type SyncPath,
  type TransportResponse,
  uuidv4,
  uuidv7,
  wireMutation,
} from "@sightline/shared";
import { afterAll, describe, expect, it } from "vitest";
import { createFaultyNetwork, type FaultRates } from "./support/faulty-network.ts";
import { createRng, type Rng } from "./support/prng.ts";
import { adminSession, type ServerProcess, startServerProcess } from "./support/server-process.ts";
import { cookiesMonotonic, createSimClient, type SimClient } from "./support/sim-client.ts";
import { openSse, type SseClient } from "./support/sse-client.ts";

const target = await postgresTestTarget();
const RATES: FaultRates = {
  drop: 0.03,
  loseResponse: 0.08,
  duplicate: 0.08,
  replayStale: 0.05,
  error5xx: 0,
  rateLimit: 0,
  maxDelayTicks: 3,
};
const KIOSKS = 6;
const EXTENSIONS = 6;
const WRITES_PER_DEVICE = 40;

let schema: TestSchema | null = null;
let servers: ServerProcess[] = [];
let sse: SseClient | null = null;
let db: PostgresDb | null = null;
afterAll(async () => {
  await sse?.close();
  await Promise.all(servers.map((s) => s.dispose()));
  await db?.close();
  await schema?.drop();
});

type Json = Record<string, unknown>;
async function call(
  base: string,
  path: string,
  o: { token?: string; json?: unknown; method?: string } = {},
) {
  const res = await fetch(base + path, {
    method: o.method ?? (o.json === undefined ? "GET" : "POST"),
    headers: {
      ...(o.token ? { authorization: `Bearer ${o.token}` } : {}),
      ...(o.json === undefined ? {} : { "content-type": "application/json" }),
    },
    ...(o.json === undefined ? {} : { body: JSON.stringify(o.json) }),
  });
  const body = (await res.json().catch(() => undefined)) as Json | undefined;
  if (!res.ok) throw new Error(`${path} → ${res.status} ${JSON.stringify(body)}`);
  return body as Json;
}

const STORE = {
  name: "Quận 1",
  timeZone: "Asia/Ho_Chi_Minh",
  zones: ["Cửa vào", "Quầy"],
  behaviours: [{ code: "asked-price", label_vi: "Hỏi giá", label_en: "Asked price" }],
  feedbackQuestion: { vi: "Bạn hài lòng không?", en: "Are you happy?" },
  reasons: [{ code: "price", need: "price", label_vi: "Giá", label_en: "Price" }],
};

function fields(kiosk: boolean, storeId: string, n: number, name: string): Json {
  const capturedAt = new Date().toISOString().replace("Z", "+00:00");
  return kiosk
    ? {
        channel: "store",
        method: "shopper-observation",
        capturedAt,
        storeId,
        what: `${name} #${n}`,
        behaviour: "asked-price",
        zone: "Quầy",
      }
    : {
        channel: "web",
        method: "competitor-audit",
        capturedAt,
        url: `https://shop.vn/p/${n}`,
        what: `${name} giá ${n}.000₫`,
      };
}

/** One random write (or a sync) by `c`; kiosks only touch what they created. */
async function act(c: SimClient, kiosk: boolean, storeId: string, rng: Rng, n: number) {
  const mine = (await c.storage.entities()).filter((e) => !kiosk || e.createdBy === c.deviceId);
  const live = mine.filter(isLive);
  const r = rng.next();
  if (r < 0.55 || live.length === 0) {
    await c.engine.write({
      op: "obs.create",
      id: uuidv7(),
      fields: fields(kiosk, storeId, n, c.name),
    });
  } else if (r < 0.85) {
    const t = rng.pick(live);
    await c.engine.write({
      op: "obs.patch",
      id: t.id,
      fields: { what: `sửa ${n} bởi ${c.name}`, needs: ["price"] },
    });
  } else if (r < 0.93) {
    await c.engine.write({ op: "obs.delete", id: rng.pick(live).id });
  } else {
    const dead = mine.filter((e) => !isLive(e));
    if (dead.length > 0) await c.engine.write({ op: "obs.restore", id: rng.pick(dead).id });
  }
  if (rng.chance(0.3)) await c.engine.sync();
}

describe.skipIf(!target.ok)("three server instances on one PostgreSQL", () => {
  it("spreads 12 devices over three instances, survives a SIGKILL, converges with nothing lost or duplicated; SSE crosses instances", async () => {
    if (!target.ok) return;
    schema = await createTestSchema(target.url, "sightline_multi");
    // All three start at once: migrations and the first-start bootstrap race.
    const env = { DATABASE_URL: schema.url };
    servers = await Promise.all([0, 1, 2].map(() => startServerProcess({ env })));
    const [a, b, c] = servers as [ServerProcess, ServerProcess, ServerProcess];
    for (const s of servers)
      expect(await call(s.base, "/health")).toMatchObject({ db: "postgres" });
    db = await openPostgresDb(schema.url, { max: 2 });
    expect(await db.listWorkspaces()).toHaveLength(1);

    const admin = (await adminSession(b.base)).token;
    const workspaceId = (await db.listWorkspaces())[0]?.id as string;
    const storeId = (await call(c.base, "/v1/stores", { token: admin, json: STORE })).id as string;

    // SSE on A hears a push made through B.
    sse = await openSse(`${a.base}/v1/sync/events`, admin);
    const probe = await pairDevice(b.base, admin, "marketer", storeId);
    const probePush = await call(b.base, "/v1/sync/push", {
      token: probe.token,
      json: pushBody(probe.deviceId, [
        {
          seq: 1,
          op: "obs.create",
          id: uuidv7(),
          hlc: `${String(Date.now()).padStart(15, "0")}-0000-${probe.deviceId}`,
          fields: fields(false, storeId, 0, "probe"),
        },
      ]),
    });
    const poke = await sse.next(
      (e) => e.event === "poke" && JSON.parse(e.data).version >= (probePush.version as number),
    );
    expect(JSON.parse(poke.data).version).toBe(probePush.version);

    // Twelve devices, paired through random instances.
    const rng = createRng(20260601);
    let alive = [...servers];
    // Half-way through, the next request that lands on C kills it while in flight.
    let killRequested = false;
    let killedAt = -1;
    let written = 0;
    const served = new Map<ServerProcess, { pushes: number; failed: number }>(
      servers.map((s) => [s, { pushes: 0, failed: 0 }]),
    );
    const handler = async (
      path: SyncPath,
      body: unknown,
      token: string,
    ): Promise<TransportResponse> => {
      const s = rng.pick(alive);
      const killNow = killRequested && killedAt < 0 && s === c;
      if (killNow) {
        killedAt = written;
        alive = [a, b];
        setTimeout(() => void c.kill(), 2);
      }
      const count = served.get(s) as { pushes: number; failed: number };
      if (path === "/v1/sync/push") count.pushes++;
      const res = await fetch(s.base + path, {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(15_000),
      }).catch((e: unknown) => {
        count.failed++; // the killed instance: requests in flight die with it
        throw e;
      });
      const json = (res.headers.get("content-type") ?? "").includes("json")
        ? await res.json()
        : undefined;
      const retry = res.headers.get("retry-after");
      return {
        status: res.status,
        body: json,
        ...(retry ? { retryAfterMs: Number(retry) * 1000 } : {}),
      };
    };
    const net = createFaultyNetwork(handler, rng, RATES);
    const devices: { client: SimClient; kiosk: boolean }[] = [];
    for (let i = 0; i < KIOSKS + EXTENSIONS; i++) {
      const kiosk = i < KIOSKS;
      const paired = await pairDevice(
        rng.pick(servers).base,
        admin,
        kiosk ? "staff" : "marketer",
        storeId,
      );
      const client = await createSimClient({
        name: `${kiosk ? "kiosk" : "ext"}-${i}`,
        deviceId: paired.deviceId,
        workspaceId,
        token: paired.token,
        transport: net.transportFor(() => paired.token),
        storage: "memory",
      });
      devices.push({ client, kiosk });
    }

    // Everyone writes and syncs at once; C dies half-way through.
    const total = devices.length * WRITES_PER_DEVICE;
    await Promise.all(
      devices.map(async ({ client, kiosk }) => {
        for (let n = 0; n < WRITES_PER_DEVICE; n++) {
          await act(client, kiosk, storeId, rng, n);
          if (++written >= total / 2) killRequested = true;
        }
        await client.engine.sync();
      }),
    );

    // Quiesce: deliver every stale replay, then sync until nobody has anything left.
    await net.flushStale();
    for (let round = 0; ; round++) {
      expect(round, "quiesced within 30 rounds").toBeLessThan(30);
      let busy = false;
      for (const { client } of devices) {
        const out = await client.engine.sync();
        if (
          !out.ok ||
          out.pushed > 0 ||
          out.pulled > 0 ||
          (await client.storage.stats()).unsynced > 0
        )
          busy = true;
      }
      if (!busy) break;
    }

    expect(killedAt).toBeGreaterThan(0);
    await expect(fetch(`${c.base}/health`)).rejects.toThrow();

    const server = await db.dumpEntities(workspaceId);
    const byId = new Map(server.map((e) => [e.id, e]));
    const lastSeqs = new Map((await db.listDevices(workspaceId)).map((d) => [d.id, d.lastSeq]));
    const created = new Set<string>();
    for (const { client, kiosk } of devices) {
      const meta = await client.storage.meta();
      // Every write acked, none rejected, the server's lastSeq is the device's last seq.
      expect(meta?.rejected, `${client.name} rejections`).toEqual([]);
      expect(meta?.ackedSeq).toBe(client.written.length);
      expect(lastSeqs.get(client.deviceId)).toBe(client.written.length);
      // No loss: every write is on the server (or superseded by a later one).
      for (const e of client.written) {
        if (e.op === "obs.create") created.add(e.id);
        const s = byId.get(e.id);
        expect(s, `${client.name} seq ${e.seq} ${e.op} on the server`).toBeDefined();
        if (!s) continue;
        if (e.op === "obs.delete") expect((s.deletedHlc ?? "") >= e.hlc).toBe(true);
        else if (e.op === "obs.restore")
          expect(isLive(s) ? (s.restoredHlc ?? "") >= e.hlc : true).toBe(true);
        else
          for (const f of Object.keys(e.fields ?? {}))
            expect((s.fieldHlc[f] ?? "") >= e.hlc).toBe(true);
      }
      // Convergence: the mirror equals the server within the device's scope.
      // (The policy table: a kiosk pulls its store's store/feedback rows; an
      // extension its person's web/event rows.)
      const scope = server.filter((e) =>
        kiosk
          ? ["store", "feedback"].includes(String(e.fields.channel))
          : ["web", "event"].includes(String(e.fields.channel)),
      );
      const view = (list: typeof server) =>
        Object.fromEntries(
          list.map((e) => [
            e.id,
            isLive(e) ? { live: true, fields: e.fields, fieldHlc: e.fieldHlc } : { live: false },
          ]),
        );
      expect(view(await client.storage.entities()), `${client.name} converged`).toEqual(
        view(scope),
      );
      expect(cookiesMonotonic(client.cookies), `${client.name} cookies`).toBe(true);
    }
    // No duplicates: exactly one server entity per created id (plus the SSE probe's).
    expect(
      server
        .filter((e) => e.createdBy !== probe.deviceId)
        .map((e) => e.id)
        .sort(),
    ).toEqual([...created].sort());

    // Re-delivering every device's whole outbox through the survivors changes nothing.
    const before = JSON.stringify(server);
    for (const { client } of devices) {
      const all = await client.storage.outboxFrom(1, 10_000);
      for (let i = 0; i < all.length; i += 50) {
        const batch = all.slice(i, i + 50).map(wireMutation);
        const out = await handler("/v1/sync/push", pushBody(client.deviceId, batch), client.token);
        expect(out.status).toBe(200);
      }
    }
    expect(JSON.stringify(await db.dumpEntities(workspaceId))).toBe(before);

    // Every instance took pushes; A heard pokes for pushes through B and C all along.
    for (const s of servers) expect(served.get(s)?.pushes).toBeGreaterThan(10);
    expect(sse.count("poke")).toBeGreaterThan(10);
    console.info("multi-instance run:", {
      devices: devices.length,
      mutations: devices.reduce((n, d) => n + d.client.written.length, 0),
      entities: server.length,
      killedAfterWrites: killedAt,
      pokesOnA: sse.count("poke"),
      pushesPerInstance: servers.map((s) => served.get(s)?.pushes),
      requestsLostWithC: served.get(c)?.failed,
      ...net.stats,
    });
  }, 240_000);
});

function pushBody(deviceId: string, mutations: unknown[]) {
  return { protocol: 1, deviceId, clientSchema: 1, appVersion: "multi-instance", mutations };
}

async function pairDevice(
  base: string,
  admin: string,
  role: "staff" | "marketer",
  storeId: string,
) {
  const { code } = await call(base, "/v1/pairing-codes", {
    token: admin,
    json: role === "staff" ? { role, storeId } : { role },
  });
  const deviceId = uuidv4();
  const kind = role === "staff" ? "kiosk" : "extension";
  const r = await call(base, "/v1/devices/pair", { json: { code, deviceId, kind } });
  return { deviceId, token: r.token as string };
}
