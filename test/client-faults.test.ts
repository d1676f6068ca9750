// Client faults, through real HTTP against the real app on a loopback port:
//
// - a captive portal (a hotel or mall Wi-Fi login page answering 200 HTML,
//   a redirect to one, or a JSON "ok") never acks the outbox; the same queue
//   syncs exactly once the real server is reachable;
// - IndexedDB quota: a write refused for quota rejects with QuotaExceededError
//   and rolls back whole (no seq burned), a sync round whose ack cannot be
//   stored rejects the same way, nothing saved before is lost, and everything
//   syncs exactly once when space frees — for the engine and the kiosk's
//   worker service;
// - a kiosk whose browser storage was wiped re-pairs with a new code and the
//   server keeps everything it had (same or new device id, see below).
import "fake-indexeddb/auto";
import { createServer, type Server } from "node:http";
import { openIdbStorage } from "@sightline/browser/idb-storage";
import {
  createFetchTransport,
  createMemoryStorage,
  createSyncEngine,
  createSyncScheduler,
  type LocalWrite,
  type SyncEngine,
  type SyncStorage,
  uuidv4,
  uuidv7,
} from "@sightline/shared";
import { IDBFactory } from "fake-indexeddb";
import { deleteDB } from "idb";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { storeTapFields } from "../kiosk/src/core/observation-fields.ts";
import { idbDeviceRecordStorage } from "../kiosk/src/worker/device-record.ts";
import { createKioskService, type KioskService } from "../kiosk/src/worker/kiosk-service.ts";
import { installQuota } from "./support/idb-quota.ts";
import { type LoopbackApp, startLoopbackApp } from "./support/loopback-app.ts";

let app: LoopbackApp;
let portal: { base: string; mode: PortalMode; hits: number; server: Server };
type PortalMode = "html" | "redirect" | "json" | "html-with-lastSeq";
const faults = { portalAnswers: 0, quotaRefusals: 0, wipes: 0 };

beforeAll(async () => {
  app = await startLoopbackApp();
  portal = await startPortal();
});
afterAll(async () => {
  console.log("client faults injected:", JSON.stringify(faults));
  await new Promise((r) => portal?.server.close(r));
  await app?.stop();
});

/** A captive portal: every request gets its login page, whatever was asked. */
async function startPortal() {
  const p = { base: "", mode: "html" as PortalMode, hits: 0, server: null as unknown as Server };
  p.server = createServer((req, res) => {
    p.hits++;
    req.resume();
    if (p.mode === "redirect" && !req.url?.startsWith("/login")) {
      res.writeHead(302, { location: "/login?continue=1" });
      return res.end();
    }
    if (p.mode === "json") {
      res.writeHead(200, { "content-type": "application/json" });
      return res.end('{"status":"ok","portal":"accept the terms"}');
    }
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(
      `<!doctype html><title>Wi-Fi Login</title><form>Accept terms</form>${
        p.mode === "html-with-lastSeq" ? '<script>var r={"lastSeq":999,"version":1}</script>' : ""
      }`,
    );
  });
  await new Promise<void>((r) => p.server.listen(0, "127.0.0.1", r));
  p.base = `http://127.0.0.1:${(p.server.address() as { port: number }).port}`;
  return p;
}

const webWrite = (i: number): LocalWrite => ({
  op: "obs.create",
  id: uuidv7(),
  fields: {
    channel: "web",
    method: "competitor-audit",
    capturedAt: new Date().toISOString(),
    url: `https://rival.example.vn/p/${i}`,
    what: `Giá giảm #${i}`,
  },
});

/** An engine whose server address can be switched (portal ↔ real server). */
async function device(storage: SyncStorage) {
  const paired = await app.pair("marketer");
  await storage.init(paired.deviceId, paired.workspaceId);
  const where = { base: portal.base };
  const transport = createFetchTransport({
    baseUrl: "http://unused.invalid",
    token: () => paired.token,
    fetch: (url, init) => fetch(new URL(new URL(String(url)).pathname, where.base), init),
  });
  const engine = createSyncEngine({ storage, transport, appVersion: "faults" });
  return { engine, storage, where, paired };
}

const serverIds = async (createdBy: string) =>
  (await app.dumpAll()).filter((e) => e.createdBy === createdBy).map((e) => e.id);
const serverLastSeq = async (deviceId: string) =>
  (await app.db.listDevices(app.workspaceId)).find((d) => d.id === deviceId)?.lastSeq;

describe("captive portal", () => {
  for (const mode of ["html", "redirect", "json", "html-with-lastSeq"] as const) {
    it(`a portal answering ${mode} never acks; the real server then gets each write once`, async () => {
      const d = await device(await openIdbStorage(`portal-${mode}-${uuidv4()}`));
      const written = [];
      for (let i = 0; i < 5; i++) written.push((await d.engine.write(webWrite(i))).id);
      portal.mode = mode;
      const hits = portal.hits;
      for (let round = 0; round < 3; round++) {
        const out = await d.engine.sync();
        faults.portalAnswers++;
        expect(out).toMatchObject({ ok: false, failure: "bad-response" });
      }
      expect(portal.hits).toBeGreaterThan(hits);
      expect(await d.storage.stats()).toMatchObject({ unsynced: 5 });
      expect((await d.storage.meta())?.ackedSeq).toBe(0);
      expect((await d.storage.meta())?.cookie).toBeNull();
      expect(await serverIds(d.paired.deviceId)).toEqual([]);

      d.where.base = app.base;
      expect(await d.engine.sync()).toMatchObject({ ok: true, pushed: 5 });
      expect((await serverIds(d.paired.deviceId)).sort()).toEqual([...written].sort());
      expect(await serverLastSeq(d.paired.deviceId)).toBe(5);
      expect(await d.storage.stats()).toMatchObject({ unsynced: 0 });
    });
  }
});

describe("IndexedDB quota", () => {
  let quota: ReturnType<typeof installQuota>;
  beforeAll(() => {
    quota = installQuota();
  });
  afterEach(() => {
    faults.quotaRefusals += quota.state.refused;
    quota.state.refused = 0;
    quota.state.full = false;
  });
  afterAll(() => quota.restore());

  it("a refused write rejects with QuotaExceededError and rolls back whole; saved writes stay and sync once", async () => {
    const d = await device(await openIdbStorage(`quota-${uuidv4()}`));
    d.where.base = app.base;
    const kept = [];
    for (let i = 0; i < 3; i++) kept.push((await d.engine.write(webWrite(i))).id);
    const before = { meta: await d.storage.meta(), entities: await d.storage.entities() };

    quota.state.full = true;
    const refused = webWrite(99);
    const error = await d.engine.write(refused).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DOMException);
    expect((error as DOMException).name).toBe("QuotaExceededError");
    expect(await d.storage.meta()).toEqual(before.meta); // no seq burned, clock unchanged
    expect(await d.storage.entities()).toEqual(before.entities);
    expect(await d.storage.entity(refused.id)).toBeUndefined();
    expect(await d.storage.outboxFrom(1, 100)).toHaveLength(3);

    quota.state.full = false;
    const later = await d.engine.write(webWrite(4));
    expect(later.seq).toBe(4); // gap-free
    expect(await d.engine.sync()).toMatchObject({ ok: true, pushed: 4 });
    expect((await serverIds(d.paired.deviceId)).sort()).toEqual([...kept, later.id].sort());
  });

  it("a sync whose ack cannot be stored rejects with QuotaExceededError; the next round re-pushes as a duplicate, nothing lost or doubled", async () => {
    const d = await device(await openIdbStorage(`quota-ack-${uuidv4()}`));
    d.where.base = app.base;
    const ids = [];
    for (let i = 0; i < 4; i++) ids.push((await d.engine.write(webWrite(i))).id);
    quota.state.full = true;
    const error = await d.engine.sync().catch((e: unknown) => e);
    expect((error as DOMException).name).toBe("QuotaExceededError");
    expect(await serverLastSeq(d.paired.deviceId)).toBe(4); // the server committed them
    expect(await d.storage.stats()).toMatchObject({ unsynced: 4 }); // but the client keeps them
    const dump = JSON.stringify(await app.dumpAll());

    quota.state.full = false;
    expect(await d.engine.sync()).toMatchObject({ ok: true });
    expect(JSON.stringify(await app.dumpAll())).toBe(dump); // re-delivery changed nothing
    expect((await serverIds(d.paired.deviceId)).sort()).toEqual([...ids].sort());
    expect(await d.storage.stats()).toMatchObject({ unsynced: 0 });
  });

  it("the scheduler reports a round that cannot store its ack (waiting, failure storage) and retries it", async () => {
    const d = await device(await openIdbStorage(`quota-scheduler-${uuidv4()}`));
    d.where.base = app.base;
    const ids = [];
    for (let i = 0; i < 3; i++) ids.push((await d.engine.write(webWrite(i))).id);
    const scheduler = createSyncScheduler({ engine: d.engine, baseDelayMs: 20, maxDelayMs: 50 });
    quota.state.full = true;
    scheduler.request("manual");
    await until(async () => scheduler.status().state === "waiting");
    expect(scheduler.status().lastOutcome).toMatchObject({
      ok: false,
      failure: "storage",
      detail: expect.stringContaining("QuotaExceededError"),
    });
    quota.state.full = false;
    await until(
      async () => scheduler.status().state === "idle" && (await d.storage.stats()).unsynced === 0,
    );
    scheduler.stop();
    expect((await serverIds(d.paired.deviceId)).sort()).toEqual([...ids].sort());
  });

  it("the kiosk's worker service passes QuotaExceededError to the UI and keeps every saved tap", async () => {
    const k = await kiosk(`quota-kiosk-${uuidv4()}`);
    const { code } = await pairingCode();
    expect(await k.service.pair({ serverUrl: app.base, code, name: "Quầy", pin: "2468" })).toEqual({
      ok: true,
    });
    const storeId = (await k.service.status()).device?.storeId as string;
    for (let i = 0; i < 3; i++) await k.service.write(tap(storeId, i));
    await until(async () => {
      const s = await k.service.status();
      return s.unsynced === 0 && s.sync === "idle";
    });
    quota.state.full = true;
    const error = await k.service.write(tap(storeId, 3)).catch((e: unknown) => e);
    expect((error as DOMException).name).toBe("QuotaExceededError");
    expect(await k.service.status()).toMatchObject({ unsynced: 0, paired: true });
    quota.state.full = false;
    await k.service.write(tap(storeId, 4));
    await until(async () => (await serverIds((await k.service.status()).deviceId)).length === 4);
    await until(async () => (await k.service.status()).unsynced === 0);
    await k.close();
  });
});

const tap = (storeId: string, i: number): LocalWrite => ({
  op: "obs.create",
  id: uuidv7(),
  fields: storeTapFields({
    storeId,
    at: Date.now(),
    behaviour: "asked-price",
    what: `Hỏi giá #${i}`,
    zone: "Cửa vào",
    segment: { party: "alone" },
  }),
});

async function pairingCode() {
  const res = await app.request("/v1/pairing-codes", {
    method: "POST",
    token: app.admin.token,
    json: { role: "staff", storeId: app.storeId },
  });
  expect(res.status).toBe(201);
  return (await res.json()) as { code: string };
}

async function until(check: () => Promise<boolean>, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The kiosk's worker side with its real IndexedDB databases, as the tablet runs it. */
async function kiosk(name: string) {
  const dbs = { device: `${name}-device`, sync: `${name}-sync` };
  const service: KioskService = createKioskService({
    deviceRecord: idbDeviceRecordStorage(dbs.device),
    openStorage: () => openIdbStorage(dbs.sync),
    deleteStorage: () => deleteDB(dbs.sync),
    fetch: (input, init) => fetch(input, init),
    appVersion: "faults",
    pokes: false,
    pinIterations: 1000,
    maxBackoffMs: 100,
  });
  await service.ready;
  return {
    service,
    dbs,
    close: () => service.close(),
    /**
     * Browser storage wiped, as "clear site data" or an eviction does: every
     * database of the origin is gone. A fresh fake-indexeddb factory is that
     * empty origin (deleting databases would wait on the open connections,
     * which a browser closes by force).
     */
    async wipe() {
      await service.close();
      globalThis.indexedDB = new IDBFactory();
      faults.wipes++;
    },
  };
}

/** Revoke a device as an admin does before re-admitting it under the same id. */
async function revoke(deviceId: string) {
  const res = await app.request(`/v1/devices/${deviceId}`, {
    method: "DELETE",
    token: app.admin.token,
  });
  if (res.status !== 204) throw new Error(`revoke ${deviceId}: ${res.status}`);
}

describe("a kiosk whose storage was wiped", () => {
  it("re-pairs with a new code (new device id) and the server keeps everything it had", async () => {
    const name = `wiped-${uuidv4()}`;
    const first = await kiosk(name);
    await first.service.pair({
      serverUrl: app.base,
      code: (await pairingCode()).code,
      pin: "2468",
    });
    const storeId = (await first.service.status()).device?.storeId as string;
    const oldId = (await first.service.status()).deviceId;
    for (let i = 0; i < 5; i++) await first.service.write(tap(storeId, i));
    await first.service.requestSync("manual");
    await until(async () => (await serverIds(oldId)).length === 5);
    const held = JSON.stringify((await app.dumpAll()).filter((e) => e.createdBy === oldId));

    await first.wipe();
    const second = await kiosk(name);
    const fresh = await second.service.status();
    expect(fresh.paired).toBe(false);
    expect(fresh.deviceId).not.toBe(oldId);
    expect(fresh.unsynced).toBe(0);
    await second.service.pair({
      serverUrl: app.base,
      code: (await pairingCode()).code,
      pin: "2468",
    });
    for (let i = 5; i < 8; i++) await second.service.write(tap(storeId, i));
    await second.service.requestSync("manual");
    await until(async () => (await serverIds(fresh.deviceId)).length === 3);

    // Everything the server had is untouched; the new device's taps are added.
    expect(JSON.stringify((await app.dumpAll()).filter((e) => e.createdBy === oldId))).toBe(held);
    const list = await app.request(`/v1/observations?storeId=${storeId}&limit=200`, {
      token: app.admin.token,
    });
    const ours = ((await list.json()).items as { createdBy: string }[]).filter((o) =>
      [oldId, fresh.deviceId].includes(o.createdBy),
    );
    expect(ours).toHaveLength(8);
    const devices = await app.db.listDevices(app.workspaceId);
    expect(devices.find((d) => d.id === oldId)?.lastSeq).toBe(5);
    expect(devices.find((d) => d.id === fresh.deviceId)?.lastSeq).toBe(3);
    await second.close();
  });

  it("re-paired under the same device id, the server keeps everything it had", async () => {
    const deviceId = uuidv4();
    const run = async (storage: SyncStorage, from: number, n: number) => {
      if (from > 0) await revoke(deviceId); // a live device's id is never paired again
      const paired = await app.pair("marketer", { deviceId });
      await storage.init(deviceId, paired.workspaceId);
      const engine: SyncEngine = createSyncEngine({
        storage,
        transport: (path, body) => app.handler(path, body, paired.token),
        appVersion: "faults",
      });
      for (let i = from; i < from + n; i++) await engine.write(webWrite(i));
      await engine.sync();
    };
    await run(createMemoryStorage(), 0, 5);
    const held = JSON.stringify((await app.dumpAll()).filter((e) => e.createdBy === deviceId));
    await run(createMemoryStorage(), 5, 3); // storage wiped, same id, a new code
    faults.wipes++;
    const now = (await app.dumpAll()).filter((e) => e.createdBy === deviceId);
    expect(JSON.stringify(now.filter((e) => held.includes(e.id)))).toBe(held);
    expect(now.length).toBeGreaterThanOrEqual(5);
  });

  // The server keeps the device's lastSeq across a re-pair while a wiped
  // client restarts at seq 1: the engine sees an answer whose lastSeq it never
  // issued and renumbers its unsent writes after it (SyncStorage.rebase).
  it("re-paired under the same device id, writes made after the wipe reach the server", async () => {
    const deviceId = uuidv4();
    const run = async (from: number, n: number) => {
      const storage = createMemoryStorage();
      if (from > 0) await revoke(deviceId); // re-admitted: revoked first, then a new code
      const paired = await app.pair("marketer", { deviceId });
      await storage.init(deviceId, paired.workspaceId);
      const engine = createSyncEngine({
        storage,
        transport: (path, body) => app.handler(path, body, paired.token),
        appVersion: "faults",
      });
      for (let i = from; i < from + n; i++) await engine.write(webWrite(i));
      await engine.sync();
    };
    await run(0, 5);
    await run(5, 3);
    expect(await serverIds(deviceId)).toHaveLength(8);
  });
});
