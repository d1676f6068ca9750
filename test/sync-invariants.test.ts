// docs/sync-protocol.md "Invariants" 1–10, end to end: several simulated devices (the real
// client engine on fake-indexeddb) talk to the real Hono app on SQLite through
// a deterministic fault-injecting network (drop, duplicate, stale replay,
// delay, response lost after commit, 5xx, 429). Invariant 5 (merge laws) is
// property-tested in shared/src/merge.test.ts; invariant 10 at process level
// (SIGKILL) in server/src/main.process.test.ts — here it is the
// "response lost after commit" fault.
import "fake-indexeddb/auto";
import { type Entity, isLive, type OutboxEntry, uuidv4, uuidv7 } from "@sightline/shared";
import { afterEach, describe, expect, it } from "vitest";
import {
  createFaultyNetwork,
  type FaultRates,
  HARSH,
  NO_FAULTS,
} from "./support/faulty-network.ts";
import { createRng, type Rng } from "./support/prng.ts";
import { type Harness, startHarness } from "./support/server-harness.ts";
import { cookiesMonotonic, createSimClient, type SimClient } from "./support/sim-client.ts";

const DAY = 86_400_000;
let harnesses: Harness[] = [];
afterEach(async () => {
  for (const h of harnesses) await h.close();
  harnesses = [];
});

async function boot() {
  const h = await startHarness();
  harnesses.push(h);
  return h;
}

type World = {
  h: Harness;
  clients: SimClient[];
  net: ReturnType<typeof createFaultyNetwork>;
  rng: Rng;
  kiosks: SimClient[];
  marketers: SimClient[];
};

async function world(
  seed: number,
  rates: FaultRates,
  o: { kiosks: number; marketers: number; skews?: number[] },
): Promise<World> {
  const h = await boot();
  const rng = createRng(seed);
  const net = createFaultyNetwork(h.handler, rng, rates);
  const clients: SimClient[] = [];
  const kiosks: SimClient[] = [];
  const marketers: SimClient[] = [];
  for (let i = 0; i < o.kiosks + o.marketers; i++) {
    const kiosk = i < o.kiosks;
    const deviceId = uuidv4();
    const paired = await h.pair(deviceId, kiosk ? "staff" : "marketer");
    const c = await createSimClient({
      name: `${kiosk ? "kiosk" : "ext"}-${i}`,
      deviceId,
      workspaceId: h.workspaceId,
      token: paired.token,
      transport: net.transportFor(() => paired.token),
      skewMs: o.skews?.[i] ?? 0,
    });
    clients.push(c);
    (kiosk ? kiosks : marketers).push(c);
  }
  return { h, clients, net, rng, kiosks, marketers };
}

const isoAt = (ms: number) => new Date(ms).toISOString().replace("Z", "+00:00");

function poisonFields(w: World, c: SimClient, n: number) {
  const at = isoAt(Date.now() + c.clock.skewMs);
  return {
    channel: "store",
    method: "shopper-observation",
    capturedAt: at,
    storeId: w.h.otherStoreId,
    what: `poison ${n}`,
  };
}

function createFields(w: World, c: SimClient, n: number) {
  const at = isoAt(Date.now() + c.clock.skewMs - w.rng.int(3 * DAY));
  if (w.kiosks.includes(c)) {
    return w.rng.chance(0.5)
      ? {
          channel: "store",
          method: "shopper-observation",
          capturedAt: at,
          storeId: w.h.storeId,
          what: `Khách hỏi giá #${n}`,
          behaviour: "asked-price",
          zone: "Cửa vào",
        }
      : {
          channel: "feedback",
          method: "feedback",
          capturedAt: at,
          storeId: w.h.storeId,
          what: "Phản hồi",
          rating: 1 + w.rng.int(4),
        };
  }
  return {
    channel: "web",
    method: "competitor-audit",
    capturedAt: at,
    url: `https://shop.vn/p/${n}`,
    what: `Giá giảm còn ${n}.000₫`,
  };
}

/** One random action of one device. Returns the seq of a deliberate poison write, if any. */
async function act(w: World, c: SimClient, n: number, poison: Map<SimClient, Set<number>>) {
  const r = w.rng.next();
  // Reading the whole mirror each step would be quadratic: refresh the
  // device's view of it only after syncs.
  const cached = mirrors.get(c);
  const known = cached && !w.rng.chance(0.03) ? cached : await refreshMirror(c);
  const live = known.filter(isLive);
  const target = live.length ? live[w.rng.int(live.length)] : undefined;
  if (r < 0.55 || !target) {
    await c.engine.write({ op: "obs.create", id: uuidv7(), fields: createFields(w, c, n) });
  } else if (r < 0.8) {
    const fields = w.rng.chance(0.5)
      ? { what: `sửa ${n} bởi ${c.name}` }
      : { needs: [w.rng.pick(["price", "experience", "access"] as const)], why: `vì ${n}` };
    // Kiosks may only edit their own observations; others' targets are skipped.
    if (w.kiosks.includes(c) && target.createdBy !== c.deviceId) return;
    await c.engine.write({ op: "obs.patch", id: target.id, fields });
  } else if (r < 0.88) {
    if (w.kiosks.includes(c) && target.createdBy !== c.deviceId) return;
    await c.engine.write({ op: "obs.delete", id: target.id });
  } else if (r < 0.92) {
    const dead = known.filter(
      (e) => !isLive(e) && (!w.kiosks.includes(c) || e.createdBy === c.deviceId),
    );
    const d = dead[w.rng.int(dead.length)];
    if (d) await c.engine.write({ op: "obs.restore", id: d.id });
  } else if (r < 0.95 && w.kiosks.includes(c)) {
    // Valid on the device, out of scope on the server: another store.
    const e = await c.engine.write({
      op: "obs.create",
      id: uuidv7(),
      fields: poisonFields(w, c, n),
    });
    poison.get(c)?.add(e.seq) ?? poison.set(c, new Set([e.seq]));
  } else {
    await c.engine.sync();
    await refreshMirror(c);
  }
}

const mirrors = new Map<SimClient, Entity[]>();
async function refreshMirror(c: SimClient) {
  const list = await c.storage.entities();
  mirrors.set(c, list);
  return list;
}

async function quiesce(w: World) {
  w.net.setOnline(true);
  for (let round = 0; round < 50; round++) {
    let busy = false;
    for (const c of w.clients) {
      const out = await c.engine.sync();
      if (!out.ok || out.pushed > 0 || out.pulled > 0 || (await c.storage.stats()).unsynced > 0)
        busy = true;
    }
    if (!busy) return;
  }
  throw new Error("did not quiesce in 50 rounds");
}

function ownEntries(c: SimClient): Map<string, OutboxEntry> {
  return new Map(c.written.map((e) => [e.hlc, e]));
}

async function checkInvariants(w: World, poison: Map<SimClient, Set<number>>) {
  const server = await w.h.dumpAll();
  const byId = new Map(server.map((e) => [e.id, e]));

  for (const c of w.clients) {
    const meta = await c.storage.meta();
    const rejected = new Set(meta?.rejected.map((r) => r.seq));
    // 9. no poison pill: every deliberate poison is listed as rejected ...
    for (const seq of poison.get(c) ?? [])
      expect(rejected.has(seq), `${c.name} poison ${seq} listed`).toBe(true);
    // 1. no loss: ... and every other write is applied on the server.
    const outbox = new Map((await c.storage.outboxFrom(1, 1e9)).map((x) => [x.seq, x]));
    for (const written of c.written) {
      // A write refused for its device's clock lives on under the seq it was re-queued as.
      let e = written;
      for (let next = c.restamped.get(e.seq); next !== undefined; next = c.restamped.get(e.seq))
        e = outbox.get(next) ?? e;
      if (rejected.has(e.seq)) continue;
      const s = byId.get(e.id);
      expect(s, `${c.name} seq ${e.seq} ${e.op} ${e.id} on server`).toBeDefined();
      if (!s) continue;
      if (e.op === "obs.delete") expect((s.deletedHlc ?? "") >= e.hlc).toBe(true);
      else if (e.op === "obs.restore")
        expect(isLive(s) ? (s.restoredHlc ?? "") >= e.hlc : true).toBe(true);
      else
        for (const f of Object.keys(e.fields ?? {}))
          expect((s.fieldHlc[f] ?? "") >= e.hlc, `${e.id}.${f}`).toBe(true);
    }
    // 6. cookies never move backwards.
    expect(cookiesMonotonic(c.cookies), `${c.name} cookies`).toBe(true);
    // 4. convergence: the mirror equals the server within the device's scope.
    // (The policy table: kiosks pull their store's store/feedback rows,
    // extensions their person's web/event rows; every sim extension is the admin's.)
    const kioskRow = (e: Entity) =>
      e.fields.storeId === w.h.storeId && ["store", "feedback"].includes(String(e.fields.channel));
    const scope = server.filter((e) =>
      w.kiosks.includes(c) ? kioskRow(e) : ["web", "event"].includes(String(e.fields.channel)),
    );
    const mirror = (await c.storage.entities()).filter(
      (e) => e.createdBy !== "unknown" || !isLive(e),
    );
    const view = (list: Entity[]) =>
      Object.fromEntries(
        list.map((e) => [
          e.id,
          isLive(e) ? { live: true, fields: e.fields, fieldHlc: e.fieldHlc } : { live: false },
        ]),
      );
    expect(view(mirror), `${c.name} converged`).toEqual(view(scope));
  }

  // 2. no duplicates: one server entity per created id that was not rejected.
  const created = new Set<string>();
  for (const c of w.clients) {
    const rejected = new Set((await c.storage.meta())?.rejected.map((r) => r.seq));
    for (const e of c.written) if (e.op === "obs.create" && !rejected.has(e.seq)) created.add(e.id);
  }
  expect(new Set(server.map((e) => e.id))).toEqual(created);
  return server;
}

describe("sync invariants (real server on SQLite, faulty network)", () => {
  it("≥ 5,000 mutations from 6 devices under drop/dup/reorder/delay/lost-response/5xx/429 converge with nothing lost or duplicated", async () => {
    const w = await world(20261124, HARSH, {
      kiosks: 3,
      marketers: 3,
      skews: [0, DAY, -DAY, 0, DAY / 2, -DAY],
    });
    const poison = new Map<SimClient, Set<number>>();
    let n = 0;
    let checkpoints = 0;
    while (w.clients.reduce((s, c) => s + c.written.length, 0) < 5200) {
      const c = w.rng.pick(w.clients);
      await act(w, c, n++, poison);
      if (w.rng.chance(0.002)) w.net.setOnline(false);
      if (w.rng.chance(0.01)) w.net.setOnline(true);
      if (n % 1500 === 0) {
        // 3. atomic prefix: nothing beyond a device's lastSeq is visible.
        const server = await w.h.dumpAll();
        const lastSeq = await w.h.lastSeqs();
        for (const c2 of w.clients) {
          const mine = ownEntries(c2);
          const visible = server
            .flatMap((e) => [...Object.values(e.fieldHlc), e.deletedHlc, e.restoredHlc])
            .map((h) => (h ? mine.get(h)?.seq : undefined));
          const maxVisible = Math.max(0, ...visible.filter((s): s is number => s !== undefined));
          expect(maxVisible).toBeLessThanOrEqual(lastSeq.get(c2.deviceId) ?? 0);
        }
        checkpoints++;
      }
    }
    await w.net.flushStale();
    await quiesce(w);
    const before = await checkInvariants(w, poison);
    // 2. re-delivering every push ever sent leaves the server byte-identical.
    await w.net.flushStale();
    await w.h.replayAllPushes();
    expect(JSON.stringify(await w.h.dumpAll())).toBe(JSON.stringify(before));
    const s = w.net.stats;
    expect(checkpoints).toBeGreaterThanOrEqual(3);
    expect(
      s.dropped && s.lostResponses && s.duplicates && s.replays && s.errors5xx && s.rateLimited,
    ).toBeGreaterThan(0);
    console.info("sync invariants run:", {
      mutations: w.clients.reduce((a, c) => a + c.written.length, 0),
      entities: before.length,
      ...s,
    });
  }, 240_000);

  it("7. causality under ±1 day skew: an edit made after seeing a value wins", async () => {
    const w = await world(7, NO_FAULTS, { kiosks: 0, marketers: 2, skews: [DAY, -DAY] });
    const [ahead, behind] = w.clients as [SimClient, SimClient];
    const id = uuidv7();
    await ahead.engine.write({ op: "obs.create", id, fields: createFields(w, ahead, 1) });
    await ahead.engine.sync();
    await behind.engine.sync(); // sees the value stamped a day ahead
    await behind.engine.write({ op: "obs.patch", id, fields: { what: "seen, then corrected" } });
    await behind.engine.sync();
    await ahead.engine.sync();
    expect((await ahead.storage.entity(id))?.fields.what).toBe("seen, then corrected");
    expect((await w.h.dumpAll()).find((e) => e.id === id)?.fields.what).toBe(
      "seen, then corrected",
    );
  });

  it("8. delete ∥ edit → deleted everywhere, and later edits do not resurrect it", async () => {
    const w = await world(8, NO_FAULTS, { kiosks: 0, marketers: 2 });
    const [a, b] = w.clients as [SimClient, SimClient];
    const id = uuidv7();
    await a.engine.write({ op: "obs.create", id, fields: createFields(w, a, 1) });
    await a.engine.sync();
    await b.engine.sync();
    await a.engine.write({ op: "obs.delete", id });
    await b.engine.write({ op: "obs.patch", id, fields: { what: "concurrent edit" } });
    await b.engine.sync();
    await a.engine.sync();
    await b.engine.sync();
    await b.engine
      .write({ op: "obs.patch", id, fields: { what: "edit after delete" } })
      .catch(() => undefined);
    await quiesce(w);
    for (const c of [a, b]) expect(isLive((await c.storage.entity(id)) as Entity)).toBe(false);
    expect(isLive((await w.h.dumpAll()).find((e) => e.id === id) as Entity)).toBe(false);
  });

  it("9. an invalid mutation never blocks the ones after it", async () => {
    const w = await world(9, NO_FAULTS, { kiosks: 1, marketers: 0 });
    const [k] = w.clients as [SimClient];
    const poison = new Map<SimClient, Set<number>>();
    await k.engine.write({ op: "obs.create", id: uuidv7(), fields: createFields(w, k, 1) });
    const bad = await k.engine.write({
      op: "obs.create",
      id: uuidv7(),
      fields: poisonFields(w, k, 2),
    });
    poison.set(k, new Set([bad.seq]));
    await k.engine.write({ op: "obs.create", id: uuidv7(), fields: createFields(w, k, 3) });
    await quiesce(w);
    expect((await k.storage.meta())?.rejected.map((r) => [r.seq, r.code])).toEqual([
      [bad.seq, "forbidden"],
    ]);
    expect((await w.h.dumpAll()).length).toBe(2);
    await checkInvariants(w, poison);
  });

  it("6. a new server epoch (restore from an empty backup) forces a reset, and the device re-pushes what the server lost", async () => {
    const w = await world(6, NO_FAULTS, { kiosks: 0, marketers: 1 });
    const [c] = w.clients as [SimClient];
    for (let i = 0; i < 5; i++)
      await c.engine.write({ op: "obs.create", id: uuidv7(), fields: createFields(w, c, i) });
    await quiesce(w);
    const oldEpoch = (await c.storage.meta())?.cookie?.epoch;
    // A second server with a fresh database stands in for a restore.
    const restored = await boot();
    const paired = await restored.pair(c.deviceId, "marketer");
    const net2 = createFaultyNetwork(restored.handler, createRng(1), NO_FAULTS);
    const again = await createSimClient({
      name: "same-device",
      deviceId: c.deviceId,
      workspaceId: restored.workspaceId,
      token: paired.token,
      transport: net2.transportFor(() => paired.token),
      storage: "memory",
    });
    // Same local data as the device had: copy its outbox by replaying writes.
    for (const e of c.written)
      await again.engine.write({ op: e.op, id: e.id, ...(e.fields ? { fields: e.fields } : {}) });
    const out = await again.engine.sync();
    expect(out).toMatchObject({ ok: true });
    const meta = await again.storage.meta();
    expect(meta?.cookie?.epoch).not.toBe(oldEpoch);
    expect((await restored.dumpAll()).length).toBe(5);
    expect((await again.storage.entities()).length).toBe(5);
  });
});
