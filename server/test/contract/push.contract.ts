// Contract: docs/sync-protocol.md "Server push algorithm" — seq order, duplicates, gaps,
// rejections that never block, versions, scope.
import { describe, expect, it } from "vitest";
import {
  type DbFactory,
  hlc,
  pushAs,
  STORE_INPUT,
  seedWorkspace,
  storeCreate,
  webCreate,
} from "./fixture.ts";
import { useDb } from "./use-db.ts";

export function pushContract(make: DbFactory) {
  describe("push", () => {
    const db = useDb(make);

    it("applies creates, stamps them with one new version and advances lastSeq", async () => {
      const f = await seedWorkspace(db());
      const d = (await f.pair("staff")).principal;
      const v0 = (await db().getWorkspace(f.ws.id))?.version ?? 0;
      const out = await pushAs(db(), d, [storeCreate(1, d), storeCreate(2, d)]);
      expect(out).toMatchObject({
        kind: "ok",
        lastSeq: 2,
        version: v0 + 1,
        rejected: [],
        applied: 2,
        changed: true,
      });
      const all = await db().dumpEntities(f.ws.id);
      expect(all.map((e) => e.version)).toEqual([v0 + 1, v0 + 1]);
      expect(all[0]?.createdBy).toBe(d.deviceId);
      const dev = (await db().listDevices(f.ws.id))[0];
      expect(dev).toMatchObject({ lastSeq: 2, appVersion: "test" });
      expect(dev?.lastPushAt).not.toBeNull();
    });

    it("skips duplicates and changes nothing on re-delivery", async () => {
      const f = await seedWorkspace(db());
      const d = (await f.pair("staff")).principal;
      const batch = [storeCreate(1, d), storeCreate(2, d)];
      const first = await pushAs(db(), d, batch);
      const before = await db().dumpEntities(f.ws.id);
      const again = await pushAs(db(), d, batch);
      expect(again).toMatchObject({ kind: "ok", lastSeq: 2, applied: 0, changed: false });
      expect(first.kind === "ok" && again.kind === "ok" && again.version).toBe(
        first.kind === "ok" && first.version,
      );
      expect(await db().dumpEntities(f.ws.id)).toEqual(before);
    });

    it("answers a gap with the expected seq when nothing applies", async () => {
      const f = await seedWorkspace(db());
      const d = (await f.pair("staff")).principal;
      expect(await pushAs(db(), d, [storeCreate(3, d)])).toEqual({
        kind: "seq-gap",
        expectedSeq: 1,
      });
      const out = await pushAs(db(), d, [storeCreate(1, d), storeCreate(3, d)]);
      expect(out).toMatchObject({ kind: "ok", lastSeq: 1 });
      expect(await db().dumpEntities(f.ws.id)).toHaveLength(1);
    });

    it("records a poison mutation as rejected, applies the rest, and reports it again on retry", async () => {
      const f = await seedWorkspace(db());
      const d = (await f.pair("marketer")).principal;
      const batch = [
        webCreate(1, d),
        webCreate(2, d, { what: "" }),
        webCreate(3, d, { bogus: 1 }),
        webCreate(4, d),
      ];
      const out = await pushAs(db(), d, batch);
      expect(out).toMatchObject({ kind: "ok", lastSeq: 4, applied: 2 });
      const codes = out.kind === "ok" ? out.rejected.map((r) => [r.seq, r.code]) : [];
      expect(codes).toEqual([
        [2, "invalid"],
        [3, "invalid"],
      ]);
      const retry = await pushAs(db(), d, batch.slice(1));
      expect(retry.kind === "ok" && retry.rejected.map((r) => r.seq)).toEqual([2, 3]);
      expect(await db().dumpEntities(f.ws.id)).toHaveLength(2);
    });

    it("rejects writes outside the device's scope as forbidden", async () => {
      const f = await seedWorkspace(db());
      const other = await db().createStore(f.ws.id, { ...STORE_INPUT, name: "Hà Nội" });
      const kiosk = (await f.pair("staff")).principal;
      const kiosk2 = (await f.pair("staff", { storeId: other.id })).principal;
      const own = storeCreate(1, kiosk2, { storeId: other.id });
      await pushAs(db(), kiosk2, [own]);
      const out = await pushAs(db(), kiosk, [
        storeCreate(1, kiosk, { storeId: other.id }),
        {
          seq: 2,
          op: "obs.patch",
          id: own.id,
          hlc: hlc(kiosk.deviceId),
          fields: { what: "mine now" },
        },
      ]);
      expect(out.kind === "ok" && out.rejected.map((r) => r.code)).toEqual([
        "forbidden",
        "forbidden",
      ]);
      expect(out).toMatchObject({ lastSeq: 2, changed: false });
    });

    it("refuses an id conflict and a create-only field in a patch", async () => {
      const f = await seedWorkspace(db());
      const a = (await f.pair("marketer")).principal;
      const b = (await f.pair("marketer")).principal;
      const m = webCreate(1, a);
      await pushAs(db(), a, [m]);
      const out = await pushAs(db(), b, [
        { ...m, hlc: hlc(b.deviceId) },
        {
          seq: 2,
          op: "obs.patch",
          id: m.id,
          hlc: hlc(b.deviceId),
          fields: { url: "https://x.vn" },
        },
      ]);
      expect(out.kind === "ok" && out.rejected.map((r) => r.code)).toEqual(["conflict", "invalid"]);
    });

    it("does not bump the version when nothing changed (an edit that loses LWW)", async () => {
      const f = await seedWorkspace(db());
      const d = (await f.pair("marketer")).principal;
      const m = webCreate(1, d);
      const first = await pushAs(db(), d, [m]);
      const stale = {
        seq: 2,
        op: "obs.patch" as const,
        id: m.id,
        hlc: m.hlc.replace(/^\d{15}/, "000000000000001"),
        fields: { what: "old" },
      };
      const out = await pushAs(db(), d, [stale]);
      expect(out).toMatchObject({ kind: "ok", lastSeq: 2, changed: false });
      expect(out.kind === "ok" && first.kind === "ok" && out.version === first.version).toBe(true);
    });

    it("applies patch, delete and restore with LWW and tombstones", async () => {
      const f = await seedWorkspace(db());
      const d = (await f.pair("marketer")).principal;
      const m = webCreate(1, d);
      await pushAs(db(), d, [
        m,
        {
          seq: 2,
          op: "obs.patch",
          id: m.id,
          hlc: hlc(d.deviceId),
          fields: { why: "rẻ hơn", needs: ["price"] },
        },
        { seq: 3, op: "obs.delete", id: m.id, hlc: hlc(d.deviceId) },
      ]);
      expect(await db().getObservation(f.ws.id, m.id)).toBeNull();
      await pushAs(db(), d, [{ seq: 4, op: "obs.restore", id: m.id, hlc: hlc(d.deviceId) }]);
      const e = await db().getObservation(f.ws.id, m.id);
      expect(e?.fields).toMatchObject({ why: "rẻ hơn", needs: ["price"] });
    });
  });
}
