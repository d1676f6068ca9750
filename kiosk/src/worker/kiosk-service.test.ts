import "fake-indexeddb/auto";
import { openIdbStorage } from "@sightline/shared/idb";
import { deleteDB } from "idb";
import { afterEach, describe, expect, it, vi } from "vitest";
import { dayKey } from "../core/local-time.ts";
import { storeTapFields } from "../core/observation-fields.ts";
import { createFakeServer, type FakeServer } from "../test-support/fake-server.ts";
import type { KioskStatus } from "./api.ts";
import { createMemoryDeviceStore, type DeviceStore } from "./device-store.ts";
import { createKioskService, type KioskService } from "./kiosk-service.ts";

let n = 0;
const open: KioskService[] = [];

function setup(
  server: FakeServer,
  deviceStore: DeviceStore = createMemoryDeviceStore(),
  db = `kiosk-test-${++n}`,
) {
  const service = createKioskService({
    deviceStore,
    openStorage: () => openIdbStorage(db),
    deleteStorage: () => deleteDB(db),
    fetch: server.fetch,
    appVersion: "test",
    pokes: false,
    pinIterations: 1000,
    maxBackoffMs: 50,
  });
  open.push(service);
  return { service, deviceStore, db };
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
    const { service, deviceStore } = setup(server);
    const first = await service.status();
    expect(first.paired).toBe(false);
    expect(first.deviceId).toMatch(/^[0-9a-f-]{36}$/);
    const again = setup(server, deviceStore);
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
    const { service, deviceStore } = setup(server);
    expect(await service.pair(PAIR)).toEqual({ ok: true });
    const record = await deviceStore.get();
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

  it("will not unpair over unsynced data unless forced, then starts over as a new device", async () => {
    const server = createFakeServer();
    const { service, deviceStore } = setup(server);
    await service.pair(PAIR);
    const before = await service.status();
    server.down = true;
    await service.write(tap(1));
    expect(await service.unpair(false)).toEqual({ ok: false, unsynced: 1 });
    expect((await service.status()).paired).toBe(true);
    expect(await service.unpair(true)).toEqual({ ok: true });
    const after = await service.status();
    expect(after).toMatchObject({ paired: false, unsynced: 0, config: null });
    expect(after.deviceId).not.toBe(before.deviceId);
    expect((await deviceStore.get())?.token).toBeUndefined();
    await expect(service.write(tap(2))).rejects.toThrow(/not paired/);
  });

  it("unpairs at once when everything is synced", async () => {
    const server = createFakeServer();
    const { service } = setup(server);
    await service.pair(PAIR);
    await service.write(tap(1));
    await service.requestSync("manual");
    await until(service, (s) => s.unsynced === 0);
    expect(await service.unpair(false)).toEqual({ ok: true });
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
});
