// Contract: what a hostile device can no longer do through sync (issue 12),
// on every adapter. Each test is an attack that succeeded before the policy
// table (sync/device-policy.ts) and the clock bound.

import { hlcFormat, uuidv7 } from "@sightline/shared";
import { describe, expect, it } from "vitest";
import { importObservationId } from "../../src/observations/import/import-observations.ts";
import { DEVICE_POLICY, type DevicePolicy } from "../../src/sync/device-policy.ts";
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

const MIN = 60_000;
const stamp = (ms: number, node: string) => hlcFormat({ ms, counter: 0, node });

export function trustContract(make: DbFactory) {
  describe("trust: a hostile device", () => {
    const db = useDb(make);

    it("cannot stamp the future: clock-ahead, the queue moves on, and an honest later edit wins", async () => {
      const f = await seedWorkspace(db());
      const evil = (await f.pair("marketer")).principal;
      const mine = webCreate(1, evil);
      const far = { ...mine, id: uuidv7(), hlc: `999999999999999-zzzz-${evil.deviceId}` };
      const year9999 = {
        seq: 3,
        op: "obs.patch" as const,
        id: mine.id,
        hlc: stamp(Date.UTC(9999, 0, 1), evil.deviceId),
        fields: { what: "forever" },
      };
      const justAhead = {
        seq: 4,
        op: "obs.patch" as const,
        id: mine.id,
        hlc: stamp(NOW.getTime() + 5 * MIN + 1, evil.deviceId),
        fields: { why: "a bit ahead" },
      };
      const out = await pushAs(db(), evil, [mine, { ...far, seq: 2 }, year9999, justAhead]);
      expect(out).toMatchObject({ kind: "ok", lastSeq: 4, applied: 1 });
      if (out.kind !== "ok") return;
      expect(out.rejected.map((r) => [r.seq, r.code])).toEqual([
        [2, "clock-ahead"],
        [3, "clock-ahead"],
        [4, "clock-ahead"],
      ]);
      const edit = {
        seq: 5,
        op: "obs.patch" as const,
        id: mine.id,
        // The fixture's next stamp: later than `mine` however many stamps
        // the suite has drawn before (a fixed NOW + 1 s lost once it had
        // drawn more than a thousand).
        hlc: hlc(evil.deviceId),
        fields: { what: "honest edit" },
      };
      expect(await pushAs(db(), evil, [edit])).toMatchObject({ rejected: [], applied: 1 });
      expect((await db().getObservation(f.ws.id, mine.id))?.fields.what).toBe("honest edit");
      // Within the bound is still taken (clocks are never exact).
      const near = { ...edit, seq: 6, hlc: stamp(NOW.getTime() + 5 * MIN, evil.deviceId) };
      expect(await pushAs(db(), evil, [near])).toMatchObject({ rejected: [], applied: 1 });
    });

    it("cannot claim a capture time outside 2000 … a day ahead (refused with a clock code, never lost as invalid)", async () => {
      const f = await seedWorkspace(db());
      const k = (await f.pair("staff")).principal;
      const out = await pushAs(db(), k, [
        storeCreate(1, k, { capturedAt: "1970-01-01T07:00:00+07:00" }),
        storeCreate(2, k, { capturedAt: new Date(NOW.getTime() + 2 * 86_400_000).toISOString() }),
        storeCreate(3, k, { capturedAt: new Date(NOW.getTime() + 86_400_000).toISOString() }),
      ]);
      expect(out.kind === "ok" && out.rejected.map((r) => [r.seq, r.code])).toEqual([
        [1, "clock-behind"],
        [2, "clock-ahead"],
      ]);
    });

    it("reads only what its kind and owner may: an extension paired with an admin's code sees no kiosk rows", async () => {
      const f = await seedWorkspace(db());
      const kiosk = (await f.pair("staff")).principal; // issued by the admin
      const ext = (await f.pair("marketer")).principal; // also the admin's
      const other = await db().createStore(f.ws.id, { ...STORE_INPUT, name: "Q7" });
      const kiosk2 = (await f.pair("staff", { storeId: other.id })).principal;
      await pushAs(db(), kiosk, [
        storeCreate(1, kiosk),
        { ...storeCreate(2, kiosk), fields: feedbackFields(kiosk.storeId) },
      ]);
      await pushAs(db(), kiosk2, [storeCreate(1, kiosk2)]);
      await pushAs(db(), ext, [webCreate(1, ext)]);
      const seen = await pullAs(db(), ext, null);
      const channels = seen.changes.map((c) => (c.op === "put" ? c.entity.fields.channel : "del"));
      expect(channels).toEqual(["web"]);
      // A kiosk sees its store's store/feedback rows (every tablet of it), not another store's, not web.
      const k = await pullAs(db(), kiosk, null);
      expect(k.changes.map((c) => (c.op === "put" ? c.entity.fields.storeId : "")).sort()).toEqual([
        kiosk.storeId,
        kiosk.storeId,
      ]);
    });

    it("cannot change what is not its own: an extension patching or deleting a kiosk row is forbidden", async () => {
      const f = await seedWorkspace(db());
      const kiosk = (await f.pair("staff")).principal;
      const ext = (await f.pair("marketer")).principal;
      const tap = storeCreate(1, kiosk);
      await pushAs(db(), kiosk, [tap]);
      const out = await pushAs(db(), ext, [
        { seq: 1, op: "obs.patch", id: tap.id, hlc: hlc(ext.deviceId), fields: { what: "x" } },
        { seq: 2, op: "obs.delete", id: tap.id, hlc: hlc(ext.deviceId) },
      ]);
      expect(out.kind === "ok" && out.rejected.map((r) => r.code)).toEqual([
        "forbidden",
        "forbidden",
      ]);
      expect((await db().getObservation(f.ws.id, tap.id))?.fields.what).toBe(tap.fields?.what);
    });

    it("creates only its kind's channels: no feedback or store rows from an extension, no web rows from a kiosk", async () => {
      const f = await seedWorkspace(db());
      const kiosk = (await f.pair("staff")).principal;
      const ext = (await f.pair("marketer")).principal;
      const fake = Array.from({ length: 5 }, (_, i) => ({
        ...storeCreate(i + 1, ext),
        fields: feedbackFields(kiosk.storeId),
      }));
      const out = await pushAs(db(), ext, [
        ...fake,
        { ...storeCreate(6, ext), fields: { ...storeCreate(6, kiosk).fields } },
      ]);
      expect(out.kind === "ok" && out.rejected.map((r) => r.code)).toEqual(
        Array(6).fill("forbidden"),
      );
      const k = await pushAs(db(), kiosk, [webCreate(1, kiosk)]);
      expect(k.kind === "ok" && k.rejected.map((r) => r.code)).toEqual(["forbidden"]);
      expect(
        (await db().dumpEntities(f.ws.id)).filter((e) => e.fields.channel === "feedback"),
      ).toEqual([]);
    });

    it("cannot squat an import id: ids of the server's form are refused to devices", async () => {
      const f = await seedWorkspace(db());
      const ext = (await f.pair("marketer")).principal;
      const id = importObservationId(f.ws.id, "import:crm", "row-1");
      const out = await pushAs(db(), ext, [{ ...webCreate(1, ext), id }]);
      expect(out.kind === "ok" && out.rejected.map((r) => r.code)).toEqual(["forbidden"]);
      expect(await db().getObservation(f.ws.id, id)).toBeNull();
    });

    it("is never acked for creates this server never applied: a duplicate seq of another history is answered seq-reused, nothing applied", async () => {
      const f = await seedWorkspace(db());
      const k = (await f.pair("staff")).principal;
      await pushAs(db(), k, [storeCreate(1, k), storeCreate(2, k)]);
      const before = await db().dumpEntities(f.ws.id);
      // The same seqs, other writes (a storage that restarted its seq line).
      const out = await pushAs(db(), k, [storeCreate(1, k), storeCreate(2, k), storeCreate(3, k)]);
      expect(out).toEqual({ kind: "seq-reused", lastSeq: 2 });
      expect(await db().dumpEntities(f.ws.id)).toEqual(before);
      // A true retry (same ids) is still a duplicate, acked as before.
      const retry = await pushAs(db(), k, [
        before[0] ? { ...storeCreate(1, k), id: before[0].id } : storeCreate(1, k),
      ]);
      expect(retry).toMatchObject({ kind: "ok", lastSeq: 2, applied: 0 });
    });

    it("the policy table names every kind and only channels of the vocabulary", () => {
      const all: DevicePolicy[] = Object.values(DEVICE_POLICY);
      expect(all.flatMap((p) => p.channels).sort()).toEqual(["event", "feedback", "store", "web"]);
    });
  });
}

function feedbackFields(storeId: string | null) {
  return {
    channel: "feedback",
    method: "feedback",
    capturedAt: NOW.toISOString(),
    storeId,
    what: "Rất không hài lòng",
    rating: 1,
  };
}
