// Contract: SYNC.md "Server push algorithm" — seq order, duplicates, gaps,
// rejections that never block, versions, scope.
import { describe, expect, it } from "vitest";
import {
  hlc,
  pushAs,
  STORE_INPUT,
  type StoreFactory,
  seedWorkspace,
  storeCreate,
  webCreate,
} from "./fixture.ts";
import { useStore } from "./use-db.ts";

export function pushContract(make: StoreFactory) {
  describe("push", () => {
    const store = useStore(make);

    it("applies creates, stamps them with one new version and advances lastSeq", async () => {
      const f = await seedWorkspace(store());
      const d = (await f.pair("staff")).principal;
      const v0 = (await store().getWorkspace(f.ws.id))?.version ?? 0;
      const out = await pushAs(store(), d, [storeCreate(1, d), storeCreate(2, d)]);
      expect(out).toMatchObject({
        kind: "ok",
        lastSeq: 2,
        version: v0 + 1,
        rejected: [],
        applied: 2,
        changed: true,
      });
      const all = await store().dumpEntities(f.ws.id);
      expect(all.map((e) => e.version)).toEqual([v0 + 1, v0 + 1]);
      expect(all[0]?.createdBy).toBe(d.deviceId);
      const dev = (await store().listDevices(f.ws.id))[0];
      expect(dev).toMatchObject({ lastSeq: 2, appVersion: "test" });
      expect(dev?.lastPushAt).not.toBeNull();
    });

    it("skips duplicates and changes nothing on re-delivery", async () => {
      const f = await seedWorkspace(store());
      const d = (await f.pair("staff")).principal;
      const batch = [storeCreate(1, d), storeCreate(2, d)];
      const first = await pushAs(store(), d, batch);
      const before = await store().dumpEntities(f.ws.id);
      const again = await pushAs(store(), d, batch);
      expect(again).toMatchObject({ kind: "ok", lastSeq: 2, applied: 0, changed: false });
      expect(first.kind === "ok" && again.kind === "ok" && again.version).toBe(
        first.kind === "ok" && first.version,
      );
      expect(await store().dumpEntities(f.ws.id)).toEqual(before);
    });

    it("answers a gap with the expected seq when nothing applies", async () => {
      const f = await seedWorkspace(store());
      const d = (await f.pair("staff")).principal;
      expect(await pushAs(store(), d, [storeCreate(3, d)])).toEqual({
        kind: "seq-gap",
        expectedSeq: 1,
      });
      const out = await pushAs(store(), d, [storeCreate(1, d), storeCreate(3, d)]);
      expect(out).toMatchObject({ kind: "ok", lastSeq: 1 });
      expect(await store().dumpEntities(f.ws.id)).toHaveLength(1);
    });

    it("records a poison mutation as rejected, applies the rest, and reports it again on retry", async () => {
      const f = await seedWorkspace(store());
      const d = (await f.pair("marketer")).principal;
      const batch = [
        webCreate(1, d),
        webCreate(2, d, { what: "" }),
        webCreate(3, d, { bogus: 1 }),
        webCreate(4, d),
      ];
      const out = await pushAs(store(), d, batch);
      expect(out).toMatchObject({ kind: "ok", lastSeq: 4, applied: 2 });
      const codes = out.kind === "ok" ? out.rejected.map((r) => [r.seq, r.code]) : [];
      expect(codes).toEqual([
        [2, "invalid"],
        [3, "invalid"],
      ]);
      const retry = await pushAs(store(), d, batch.slice(1));
      expect(retry.kind === "ok" && retry.rejected.map((r) => r.seq)).toEqual([2, 3]);
      expect(await store().dumpEntities(f.ws.id)).toHaveLength(2);
    });

    it("rejects writes outside the device's scope as forbidden", async () => {
      const f = await seedWorkspace(store());
      const other = await store().createStore(f.ws.id, { ...STORE_INPUT, name: "Hà Nội" });
      const kiosk = (await f.pair("staff")).principal;
      const kiosk2 = (await f.pair("staff", { storeId: other.id })).principal;
      const own = storeCreate(1, kiosk2, { storeId: other.id });
      await pushAs(store(), kiosk2, [own]);
      const out = await pushAs(store(), kiosk, [
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
      const f = await seedWorkspace(store());
      const a = (await f.pair("marketer")).principal;
      const b = (await f.pair("marketer")).principal;
      const m = webCreate(1, a);
      await pushAs(store(), a, [m]);
      const out = await pushAs(store(), b, [
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
      const f = await seedWorkspace(store());
      const d = (await f.pair("marketer")).principal;
      const m = webCreate(1, d);
      const first = await pushAs(store(), d, [m]);
      const stale = {
        seq: 2,
        op: "obs.patch" as const,
        id: m.id,
        hlc: m.hlc.replace(/^\d{15}/, "000000000000001"),
        fields: { what: "old" },
      };
      const out = await pushAs(store(), d, [stale]);
      expect(out).toMatchObject({ kind: "ok", lastSeq: 2, changed: false });
      expect(out.kind === "ok" && first.kind === "ok" && out.version === first.version).toBe(true);
    });

    it("applies patch, delete and restore with LWW and tombstones", async () => {
      const f = await seedWorkspace(store());
      const d = (await f.pair("marketer")).principal;
      const m = webCreate(1, d);
      await pushAs(store(), d, [
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
      expect(await store().getObservation(f.ws.id, m.id)).toBeNull();
      await pushAs(store(), d, [{ seq: 4, op: "obs.restore", id: m.id, hlc: hlc(d.deviceId) }]);
      const e = await store().getObservation(f.ws.id, m.id);
      expect(e?.fields).toMatchObject({ why: "rẻ hơn", needs: ["price"] });
    });
  });
}
