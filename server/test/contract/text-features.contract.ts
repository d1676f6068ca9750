// Contract: the text features suggestions read (issue 16) are computed when
// an observation is written — pushed, edited, imported — stored beside the
// row and handed back by the scope scans, on every adapter; suggestions
// never tokenise a journal again.
import { applyMutation, type Entity, hlcFormat, type Mutation, uuidv7 } from "@sightline/shared";
import {
  decodeFeatures,
  observationFeatures,
  TEXT_FEATURES_VERSION,
} from "@sightline/shared/text/features";
import { describe, expect, it } from "vitest";
import { type DbFactory, NOW, pushAs, seedWorkspace } from "./fixture.ts";
import { useDb } from "./use-db.ts";

const words = (f: string | null | undefined) =>
  (decodeFeatures(f)?.terms ?? []).filter((t) => !t.includes(" "));

export function textFeaturesContract(make: DbFactory) {
  describe("text features stored at write time", () => {
    const db = useDb(make);

    it("stores the words of a pushed observation, recomputes them on an edit, and scans them back", async () => {
      const f = await seedWorkspace(db());
      const kiosk = (await f.pair("staff")).principal;
      // Stamps of its own (not fixture.hlc()): other suites count on that clock's pace.
      const stamp = (ms: number) =>
        hlcFormat({ ms: NOW.getTime() + ms, counter: 0, node: kiosk.deviceId });
      const create = {
        seq: 1,
        op: "obs.create",
        id: uuidv7(),
        hlc: stamp(0),
        fields: {
          channel: "store",
          method: "shopper-observation",
          capturedAt: NOW.toISOString(),
          storeId: kiosk.storeId,
          what: "sp ko dc, nv nhiệt tình",
          behaviour: "asked-staff",
        },
      } satisfies Mutation;
      await pushAs(db(), kiosk, [create]);
      const [scanned] = await db().scanScopedObservations(f.ws.id, {});
      expect(words(scanned?.features)).toEqual(["sản_phẩm", "nhân_viên", "nhiệt_tình"]);
      const since = (await db().getWorkspace(f.ws.id))?.version ?? 0;
      await pushAs(db(), kiosk, [
        {
          seq: 2,
          op: "obs.patch",
          id: create.id,
          hlc: stamp(1000),
          fields: { what: "Khách đọc đánh giá rồi hỏi giá" },
        },
      ]);
      const changes = await db().scanScopedChanges(f.ws.id, {}, since);
      expect(words(changes.observations[0]?.features)).toEqual(["đọc", "đánh_giá", "hỏi", "giá"]);
      const [again] = await db().scanScopedObservations(f.ws.id, {});
      expect(again?.features).toBe(changes.observations[0]?.features);
    });

    it("stores them for imported rows too", async () => {
      const { ws, admin } = await seedWorkspace(db());
      const id = uuidv7();
      const r = applyMutation(
        null,
        {
          seq: 1,
          op: "obs.create",
          id,
          hlc: hlcFormat({ ms: NOW.getTime(), counter: 0, node: "import" }),
          fields: {
            channel: "import",
            method: "import",
            capturedAt: NOW.toISOString(),
            what: "Pin nhanh hết, máy nóng khi chơi game",
            source: "Survey",
            sourceRowId: "r1",
          },
        },
        { workspaceId: ws.id, deviceId: "import" },
      );
      if (!r.ok) throw new Error(r.message);
      await db().importObservations(ws.id, {
        sourceKey: "import:survey",
        ownerId: admin.id,
        rows: [{ observationId: id, sourceRowId: "r1", entity: r.entity as Entity }],
        now: NOW.toISOString(),
      });
      const [scanned] = await db().scanScopedObservations(ws.id, {});
      expect(words(scanned?.features)).toEqual(["pin", "nhanh_hết", "máy", "nóng", "chơi_game"]);
    });

    it("brings every live row's features to a version once, at start, and stops when told", async () => {
      const f = await seedWorkspace(db());
      const kiosk = (await f.pair("staff")).principal;
      const stamp = (ms: number) =>
        hlcFormat({ ms: NOW.getTime() + ms, counter: 0, node: kiosk.deviceId });
      const create = (seq: number, what: string) =>
        ({
          seq,
          op: "obs.create",
          id: uuidv7(),
          hlc: stamp(seq),
          fields: {
            channel: "store",
            method: "shopper-observation",
            capturedAt: NOW.toISOString(),
            storeId: kiosk.storeId,
            what,
          },
        }) satisfies Mutation;
      const rows = [
        create(1, "Khách hỏi giá"),
        create(2, "Pin nhanh hết"),
        create(3, "Khách bỏ đi"),
      ] as const;
      await pushAs(db(), kiosk, [...rows]);
      await pushAs(db(), kiosk, [{ seq: 4, op: "obs.delete", id: rows[2].id, hlc: stamp(10) }]);
      const stored = async () =>
        new Map((await db().scanScopedObservations(f.ws.id, {})).map((o) => [o.id, o.features]));
      const before = await stored();
      const mark = (fields: Record<string, unknown>) => `t1|${String(fields.what)}`;

      // Stopped before it starts: nothing changes.
      const stopped = new AbortController();
      stopped.abort();
      expect(await db().refreshTextFeatures("t1", mark, stopped.signal)).toBe(0);
      expect(await stored()).toEqual(before);

      // Another version: every live row (not the deleted one) once, then none.
      expect(await db().refreshTextFeatures("t1", mark)).toBe(2);
      const marked = await stored();
      expect(marked.get(rows[0].id)).toBe("t1|Khách hỏi giá");
      expect(marked.get(rows[1].id)).toBe("t1|Pin nhanh hết");
      expect(await db().refreshTextFeatures("t1", mark)).toBe(0);

      // Back to the real encoding: what a write would have stored.
      expect(await db().refreshTextFeatures(TEXT_FEATURES_VERSION, observationFeatures)).toBe(2);
      expect(await stored()).toEqual(before);
      expect(words(before.get(rows[1].id))).toEqual(["pin", "nhanh_hết"]);
    });
  });
}
