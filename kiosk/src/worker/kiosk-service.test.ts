import "fake-indexeddb/auto";
import { openIdbStorage } from "@sightline/browser/idb-storage";
import {
  UnsentExportSchema,
  unsentExportFileName,
} from "@sightline/shared/sync/messages/unsent-export";
import { deleteDB } from "idb";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createFakeServer, type FakeServer } from "../../test/support/fake-server.ts";
import { dayKey } from "../core/local-time.ts";
import { storeTapFields } from "../core/observation-fields.ts";
import type { KioskStatus } from "./api.ts";
import { createMemoryDeviceRecordStorage, type DeviceRecordStorage } from "./device-record.ts";
import { createKioskService, type KioskService } from "./kiosk-service.ts";

let n = 0;
const open: KioskService[] = [];

function setup(
  server: FakeServer,
  deviceRecord: DeviceRecordStorage = createMemoryDeviceRecordStorage(),
  db = `kiosk-test-${++n}`,
) {
  const service = createKioskService({
    deviceRecord,
    openStorage: () => openIdbStorage(db),
    deleteStorage: () => deleteDB(db),
    fetch: server.fetch,
    appVersion: "test",
    pokes: false,
    pinIterations: 1000,
    maxBackoffMs: 50,
  });
  open.push(service);
  return { service, deviceRecord, db };
}

afterEach(async () => {
  for (const s of open.splice(0)) await s.close();
});

const PAIR = { serverUrl: "http://kiosk.test", code: "ABCD2345", name: "Front", pin: "2468" };

const tap = (i: number, at = Date.now()) => ({
  op: "obs.create" as const,
  id: `0190aaaa-0000-7000-8000-${String(i).padStart(12, "0")}`,
  fields: storeTapFields({
    storeId: "s1",
    at,
    behaviour: "browsed",
    what: "Browsed",
    zone: "Laptop",
    segment: { party: "alone" },
  }),
});

async function until(service: KioskService, pred: (s: KioskStatus) => boolean) {
  await vi.waitFor(async () => expect(pred(await service.status())).toBe(true), { timeout: 5000 });
}

describe("kiosk service (worker side)", () => {
  it("makes a device id on first run and keeps it", async () => {
    const server = createFakeServer();
    const { service, deviceRecord } = setup(server);
    const first = await service.status();
    expect(first.paired).toBe(false);
    expect(first.deviceId).toMatch(/^[0-9a-f-]{36}$/);
    const again = setup(server, deviceRecord);
    expect((await again.service.status()).deviceId).toBe(first.deviceId);
  });

  it("refuses a bad PIN, a bad URL and a wrong code without pairing", async () => {
    const server = createFakeServer();
    const { service } = setup(server);
    expect(await service.pair({ ...PAIR, pin: "12" })).toEqual({ ok: false, error: "pin" });
    expect(await service.pair({ ...PAIR, serverUrl: "ftp://x" })).toEqual({
      ok: false,
      error: "url",
    });
    expect(await service.pair({ ...PAIR, code: "WRONG" })).toMatchObject({
      ok: false,
      error: "code",
    });
    expect((await service.status()).paired).toBe(false);
  });

  it("pairs, keeps the token and a PIN hash, then pulls the store config", async () => {
    const server = createFakeServer();
    const { service, deviceRecord } = setup(server);
    expect(await service.pair(PAIR)).toEqual({ ok: true });
    const record = await deviceRecord.get();
    expect(record).toMatchObject({ token: "tok-1", serverUrl: "http://kiosk.test", name: "Front" });
    expect(JSON.stringify(record)).not.toContain("2468");
    await until(service, (s) => s.config?.store?.name === "Cửa hàng Quận 1");
    expect(server.requests.find((r) => r.path === "/v1/sync/pull")?.auth).toBe("Bearer tok-1");
    expect(await service.checkPin("2468")).toBe(true);
    expect(await service.checkPin("1357")).toBe(false);
  });

  it("resolves a write only once it is in IndexedDB, then syncs it", async () => {
    const server = createFakeServer();
    const { service, db } = setup(server);
    await service.pair(PAIR);
    server.down = true;
    const w = await service.write(tap(1));
    // A second connection sees the committed entry and its outbox record at once.
    const other = await openIdbStorage(db);
    expect((await other.entity(w.id))?.fields.behaviour).toBe("browsed");
    expect(await other.outboxFrom(1, 10)).toHaveLength(1);
    other.close();
    expect((await service.status()).unsynced).toBe(1);
    server.down = false;
    await service.requestSync("manual");
    await until(service, (s) => s.unsynced === 0 && s.lastSyncAt !== null);
    expect(server.mutations.map((m) => m.id)).toEqual([w.id]);
  });

  it("counts today's taps from the local mirror, without undone ones", async () => {
    const server = createFakeServer();
    const { service } = setup(server);
    await service.pair(PAIR);
    await until(service, (s) => s.config !== null);
    const a = await service.write(tap(1));
    await service.write(tap(2));
    await service.write({ op: "obs.delete", id: a.id });
    const today = dayKey(Date.now(), "Asia/Ho_Chi_Minh");
    expect(await service.tally(today, "Asia/Ho_Chi_Minh")).toEqual({ browsed: 1 });
  });

  it("counts today from the store's observations, other devices' and earlier pairings' too", async () => {
    const server = createFakeServer();
    const row = (i: number, storeId: string, createdBy: string) => ({
      id: `0190bbbb-0000-7000-8000-${String(i).padStart(12, "0")}`,
      workspaceId: "w1",
      createdBy,
      fields: { ...tap(i).fields, storeId },
      fieldHlc: {},
      deletedHlc: null,
      restoredHlc: null,
      version: i,
    });
    server.rows = [
      row(1, "s1", "another-tablet"),
      row(2, "s1", "this-tablet-before-re-pairing"),
      row(3, "s2", "another-tablet"),
    ];
    const { service } = setup(server);
    await service.pair(PAIR);
    await until(service, (s) => s.config !== null && s.lastSyncAt !== null);
    await service.write(tap(4));
    const today = dayKey(Date.now(), "Asia/Ho_Chi_Minh");
    // Two pulled rows of this store + this tap; the other store's row is not counted.
    expect(await service.tally(today, "Asia/Ho_Chi_Minh")).toEqual({ browsed: 3 });
  });

  it("will not unpair over unsynced data without both confirmations, then starts over as a new device", async () => {
    const server = createFakeServer();
    const { service, deviceRecord } = setup(server);
    await service.pair(PAIR);
    const before = await service.status();
    server.down = true;
    await service.write(tap(1));
    expect(await service.unpair()).toEqual({ ok: false, unsynced: 1 });
    // One confirmation is not enough, and each must name what is lost now.
    expect(await service.unpair({ understood: 1, confirmed: 0 })).toEqual({
      ok: false,
      unsynced: 1,
    });
    await service.write(tap(2));
    expect(await service.unpair({ understood: 1, confirmed: 1 })).toEqual({
      ok: false,
      unsynced: 2,
    });
    expect((await service.status()).paired).toBe(true);
    expect((await service.status()).unsynced).toBe(2);
    expect(await service.unpair({ understood: 2, confirmed: 2 })).toEqual({ ok: true });
    const after = await service.status();
    expect(after).toMatchObject({ paired: false, unsynced: 0, config: null });
    expect(after.deviceId).not.toBe(before.deviceId);
    expect((await deviceRecord.get())?.token).toBeUndefined();
    await expect(service.write(tap(3))).rejects.toThrow(/not paired/);
  });

  it("unpairs at once when everything is synced", async () => {
    const server = createFakeServer();
    const { service } = setup(server);
    await service.pair(PAIR);
    await service.write(tap(1));
    await service.requestSync("manual");
    await until(service, (s) => s.unsynced === 0);
    expect(await service.unpair()).toEqual({ ok: true });
  });

  it("tells subscribers about writes and sync", async () => {
    const server = createFakeServer();
    const { service } = setup(server);
    const seen: KioskStatus[] = [];
    await service.subscribe((s) => seen.push(s));
    await service.pair(PAIR);
    await service.write(tap(1));
    await vi.waitFor(() => expect(seen.some((s) => s.unsynced === 1)).toBe(true));
    await vi.waitFor(() => expect(seen.at(-1)?.unsynced).toBe(0));
  });

  it("a fresh pairing under an id the server knows starts its seq line after the server's lastSeq", async () => {
    const server = createFakeServer();
    const id = "0190aaaa-0000-4000-8000-00000000abcd";
    server.devices.set(id, { token: "old", revoked: true, lastSeq: 7 });
    const { service } = setup(server, createMemoryDeviceRecordStorage({ deviceId: id }));
    expect(await service.pair(PAIR)).toEqual({ ok: true });
    expect((await service.write(tap(1))).seq).toBe(8);
    expect(await service.syncNow()).toEqual({ ok: true, unsynced: 0 });
    expect(server.mutations.map((m) => m.seq)).toEqual([8]);
  });

  it("Sync now runs a round and reports what happened", async () => {
    const server = createFakeServer();
    const { service } = setup(server);
    await service.pair(PAIR);
    server.down = true;
    await service.write(tap(1));
    expect(await service.syncNow()).toEqual({ ok: false, failure: "network", unsynced: 1 });
    server.down = false;
    expect(await service.syncNow()).toEqual({ ok: true, unsynced: 0 });
    expect(server.mutations).toHaveLength(1);
  });
});

describe("kiosk service: revocation without loss", () => {
  /** Paired, `synced` taps on the server, then `queued` taps made offline, then revoked. */
  async function revokedWith(synced: number, queued: number) {
    const server = createFakeServer();
    const ctx = setup(server);
    const { service } = ctx;
    await service.pair(PAIR);
    for (let i = 1; i <= synced; i++) await service.write(tap(i));
    if (synced > 0) expect(await service.syncNow()).toMatchObject({ ok: true });
    server.down = true;
    const ids: string[] = [];
    for (let i = synced + 1; i <= synced + queued; i++) ids.push((await service.write(tap(i))).id);
    const { deviceId } = await service.status();
    server.revoke(deviceId);
    server.down = false;
    expect(await service.syncNow()).toEqual({
      ok: false,
      failure: "unauthorized",
      unsynced: queued,
    });
    await until(service, (s) => s.sync === "unauthorized");
    return { ...ctx, server, ids, deviceId };
  }

  it("after a 401 it refuses new writes with a clear error, keeps the queue, and stays so after a restart", async () => {
    const { service, server, deviceRecord, db } = await revokedWith(2, 3);
    await expect(service.write(tap(99))).rejects.toMatchObject({
      name: "DeviceRevokedError",
      message: expect.stringMatching(/disconnected by a manager/),
    });
    expect(await service.status()).toMatchObject({
      paired: true,
      sync: "unauthorized",
      failure: "unauthorized",
      unsynced: 3,
    });
    // Nothing was queued by the refused tap: the outbox holds exactly the 3 offline taps.
    const other = await openIdbStorage(db);
    expect((await other.outboxFrom(3, 100)).map((e) => e.seq)).toEqual([3, 4, 5]);
    other.close();
    expect((await deviceRecord.get())?.revokedAt).toEqual(expect.any(Number));
    // Sync now cannot help: it says so without asking the server.
    const asked = server.requests.length;
    expect(await service.syncNow()).toEqual({ ok: false, failure: "unauthorized", unsynced: 3 });
    await service.requestSync("manual");
    expect(server.requests.length).toBe(asked);

    await service.close();
    const again = setup(server, deviceRecord, db).service;
    expect(await again.status()).toMatchObject({ sync: "unauthorized", unsynced: 3 });
    await expect(again.write(tap(100))).rejects.toMatchObject({ name: "DeviceRevokedError" });
    expect(server.requests.length).toBe(asked);
  });

  it("exports exactly the unsent writes as a sightline-unsent file, and keeps them", async () => {
    const { service, ids, deviceId } = await revokedWith(2, 3);
    const files = await service.exportUnsent();
    expect(files).toHaveLength(1);
    const file = UnsentExportSchema.parse(JSON.parse(files[0]?.text ?? ""));
    expect(file).toMatchObject({ deviceId, workspaceId: "w1", kind: "kiosk", appVersion: "test" });
    expect(file.mutations.map((m) => [m.seq, m.op, m.id])).toEqual(
      ids.map((id, i) => [i + 3, "obs.create", id]),
    );
    expect(files[0]?.name).toBe(unsentExportFileName(file));
    expect((await service.status()).unsynced).toBe(3);
  });

  it("re-admission with a new code keeps the device id and storage and sends the whole queue once", async () => {
    const { service, server, ids, deviceId, deviceRecord } = await revokedWith(2, 8);
    expect(await service.reconnect("WRONG123")).toMatchObject({ ok: false, error: "code" });
    expect(await service.status()).toMatchObject({ sync: "unauthorized", unsynced: 8 });
    server.codes.add("NEWC0DE9");
    expect(await service.reconnect("NEWC 0DE9")).toEqual({ ok: true });
    await until(service, (s) => s.sync === "idle" && s.unsynced === 0);
    expect((await service.status()).deviceId).toBe(deviceId);
    expect(await deviceRecord.get()).toMatchObject({ deviceId, token: "tok-2" });
    expect((await deviceRecord.get())?.revokedAt).toBeUndefined();
    // 2 before the revocation, then all 8 queued ones, each once, in order.
    expect(server.mutations.map((m) => m.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(server.mutations.slice(2).map((m) => m.id)).toEqual(ids);
    // Writes are taken again, on the same seq line.
    expect((await service.write(tap(50))).seq).toBe(11);
    expect(await service.checkPin("2468")).toBe(true);
  });

  it("re-admission refused as device-id-taken changes nothing and keeps the queue", async () => {
    const { service, server, deviceId, deviceRecord } = await revokedWith(0, 4);
    // Someone else holds the id now (e.g. a cloned tablet re-admitted first).
    server.devices.set(deviceId, { token: "other", revoked: false, lastSeq: 0 });
    server.codes.add("NEWC0DE9");
    expect(await service.reconnect("NEWC0DE9")).toMatchObject({
      ok: false,
      error: "device-id-taken",
      status: 409,
    });
    expect(await service.status()).toMatchObject({ sync: "unauthorized", unsynced: 4 });
    expect(await deviceRecord.get()).toMatchObject({
      token: "tok-1",
      revokedAt: expect.any(Number),
    });
    expect((await service.exportUnsent())[0]?.mutations).toBe(4);
  });

  it("unpairing a revoked tablet with unsent writes still needs both confirmations", async () => {
    const { service } = await revokedWith(0, 2);
    expect(await service.unpair()).toEqual({ ok: false, unsynced: 2 });
    expect(await service.unpair({ understood: 2, confirmed: 1 })).toEqual({
      ok: false,
      unsynced: 2,
    });
    expect((await service.status()).unsynced).toBe(2);
    expect(await service.unpair({ understood: 2, confirmed: 2 })).toEqual({ ok: true });
    expect(await service.status()).toMatchObject({ paired: false, sync: "idle", unsynced: 0 });
  });
});
