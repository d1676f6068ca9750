// Contract: docs/sync-protocol.md "Server pull algorithm" — (version, id) pagination,
// cookies, resets, tombstones and device scopes.
import { describe, expect, it } from "vitest";
import {
  type DbFactory,
  hlc,
  NOW,
  pullAs,
  pushAs,
  STORE_INPUT,
  seedWorkspace,
  storeCreate,
  webCreate,
} from "./fixture.ts";
import { useDb } from "./use-db.ts";

const DAY = 86_400_000;

export function pullContract(make: DbFactory) {
  describe("pull", () => {
    const db = useDb(make);

    it("pages in (version, id) order with k mid-version and nothing at the head", async () => {
      const f = await seedWorkspace(db());
      const d = (await f.pair("marketer")).principal;
      await pushAs(
        db(),
        d,
        [1, 2, 3].map((s) => webCreate(s, d)),
      );
      await pushAs(
        db(),
        d,
        [4, 5].map((s) => webCreate(s, d)),
      );
      const epoch = await db().epoch();
      const p1 = await pullAs(db(), d, null, 2);
      expect(p1).toMatchObject({ reset: true, hasMore: true, lastSeq: 5 });
      const last1 = p1.changes.at(-1);
      expect(p1.cookie).toEqual({
        epoch,
        v: last1?.op === "put" ? last1.entity.version : -1,
        k: last1?.op === "put" ? last1.entity.id : "",
      });
      const p2 = await pullAs(db(), d, p1.cookie, 2);
      const p3 = await pullAs(db(), d, p2.cookie, 2);
      expect(p3.hasMore).toBe(false);
      const ids = [...p1.changes, ...p2.changes, ...p3.changes].map((c) =>
        c.op === "put" ? c.entity.id : c.id,
      );
      expect(ids).toHaveLength(5);
      expect(new Set(ids).size).toBe(5);
      const version = (await db().getWorkspace(f.ws.id))?.version;
      expect(p3.cookie).toEqual({ epoch, v: version });
      const head = await pullAs(db(), d, p3.cookie);
      expect(head).toMatchObject({
        changes: [],
        hasMore: false,
        reset: false,
        cookie: { epoch, v: version },
      });
    });

    it("resets on a null cookie, a foreign epoch or a cookie from the future", async () => {
      const f = await seedWorkspace(db());
      const d = (await f.pair("marketer")).principal;
      await pushAs(db(), d, [webCreate(1, d)]);
      const epoch = await db().epoch();
      for (const cookie of [null, { epoch: "another-db", v: 1 }, { epoch, v: 999 }]) {
        const p = await pullAs(db(), d, cookie);
        expect(p.reset).toBe(true);
        expect(p.changes).toHaveLength(1);
      }
    });

    it("sends tombstones as del changes with the deleting version", async () => {
      const f = await seedWorkspace(db());
      const d = (await f.pair("marketer")).principal;
      const m = webCreate(1, d);
      await pushAs(db(), d, [m]);
      const before = await pullAs(db(), d, null);
      const del = { seq: 2, op: "obs.delete" as const, id: m.id, hlc: hlc(d.deviceId) };
      const out = await pushAs(db(), d, [del]);
      const after = await pullAs(db(), d, before.cookie);
      expect(after.changes).toEqual([
        { op: "del", id: m.id, deletedHlc: del.hlc, version: out.kind === "ok" ? out.version : -1 },
      ]);
    });

    it("scopes a kiosk to its store's observations of the last 30 days", async () => {
      const f = await seedWorkspace(db());
      const k1 = (await f.pair("staff")).principal;
      const k2 = (await f.pair("staff")).principal;
      const elsewhere = await db().createStore(f.ws.id, { ...STORE_INPUT, name: "Q7" });
      const k3 = (await f.pair("staff", { storeId: elsewhere.id })).principal;
      const old = new Date(NOW.getTime() - 40 * DAY).toISOString();
      await pushAs(db(), k1, [storeCreate(1, k1), storeCreate(2, k1, { capturedAt: old })]);
      await pushAs(db(), k2, [storeCreate(1, k2)]);
      await pushAs(db(), k3, [storeCreate(1, k3)]);
      const p = await pullAs(db(), k1, null);
      const creators = p.changes.map((c) => (c.op === "put" ? c.entity.createdBy : "")).sort();
      expect(creators).toEqual([k1.deviceId, k2.deviceId].sort());
      expect(p.lastSeq).toBe(2);
    });

    it("scopes an extension to observations of devices with the same owner", async () => {
      const f = await seedWorkspace(db());
      const other = await db().createUser({
        workspaceId: f.ws.id,
        email: "m2@example.com",
        name: null,
        role: "manager",
        passwordHash: "h",
      });
      const mine1 = (await f.pair("marketer")).principal;
      const mine2 = (await f.pair("marketer")).principal;
      const theirs = (await f.pair("marketer", { ownerId: other.id })).principal;
      await pushAs(db(), mine1, [webCreate(1, mine1)]);
      await pushAs(db(), mine2, [webCreate(1, mine2)]);
      await pushAs(db(), theirs, [webCreate(1, theirs)]);
      const p = await pullAs(db(), mine1, null);
      const creators = p.changes.map((c) => (c.op === "put" ? c.entity.createdBy : "")).sort();
      expect(creators).toEqual([mine1.deviceId, mine2.deviceId].sort());
    });

    it("records the pull time on the device", async () => {
      const f = await seedWorkspace(db());
      const d = (await f.pair("marketer")).principal;
      await pullAs(db(), d, null);
      expect((await db().listDevices(f.ws.id))[0]?.lastPullAt).toBe(NOW.toISOString());
    });
  });
}
