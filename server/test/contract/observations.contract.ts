// Contract: reading observations for people — filters, accent-insensitive
// search, keyset pagination, workspace isolation, deleted rows hidden.
import { describe, expect, it } from "vitest";
import { foldText } from "../../src/observations/search-text.ts";
import { type DbFactory, hlc, pushAs, seedWorkspace, webCreate } from "./fixture.ts";
import { useDb } from "./use-db.ts";

export function observationsContract(make: DbFactory) {
  describe("observations read", () => {
    const db = useDb(make);

    async function world() {
      const f = await seedWorkspace(db());
      const d = (await f.pair("marketer")).principal;
      const at = (day: number) => `2026-03-0${day}T10:00:00+07:00`;
      const ms = [
        webCreate(1, d, {
          what: "Giá giảm 20%",
          needs: ["price"],
          tags: ["sale"],
          capturedAt: at(1),
        }),
        webCreate(2, d, {
          what: "Free shipping banner",
          needs: ["convenience"],
          capturedAt: at(2),
        }),
        webCreate(3, d, { what: "Đổi trả 30 ngày", tags: ["sale", "policy"], capturedAt: at(3) }),
        {
          ...webCreate(4, d, { capturedAt: at(4) }),
          fields: {
            channel: "event",
            method: "event-visit",
            capturedAt: at(4),
            what: "Booth đông khách",
            eventName: "Vietnam Expo",
          },
        },
      ];
      await pushAs(db(), d, ms);
      return { f, d, ids: ms.map((m) => m.id) };
    }
    const list = (ws: string, q: Record<string, unknown> = {}) =>
      db().listObservations(ws, { limit: 50, ...q });

    it("lists newest first and filters by channel, need, tag and time", async () => {
      const { f, ids } = await world();
      expect((await list(f.ws.id)).items.map((e) => e.id)).toEqual([...ids].reverse());
      expect((await list(f.ws.id, { channel: "event" })).items.map((e) => e.id)).toEqual([ids[3]]);
      expect((await list(f.ws.id, { need: "price" })).items.map((e) => e.id)).toEqual([ids[0]]);
      expect((await list(f.ws.id, { tag: "sale" })).items.map((e) => e.id)).toEqual([
        ids[2],
        ids[0],
      ]);
      const from = Date.parse("2026-03-02T00:00:00+07:00");
      const to = Date.parse("2026-03-04T00:00:00+07:00");
      expect((await list(f.ws.id, { fromMs: from, toMs: to })).items.map((e) => e.id)).toEqual([
        ids[2],
        ids[1],
      ]);
    });

    it("searches accent-insensitively", async () => {
      const { f, ids } = await world();
      expect((await list(f.ws.id, { q: foldText("gia") })).items.map((e) => e.id)).toEqual([
        ids[0],
      ]);
      expect((await list(f.ws.id, { q: foldText("ĐỔI TRẢ") })).items.map((e) => e.id)).toEqual([
        ids[2],
      ]);
      expect((await list(f.ws.id, { q: foldText("vietnam expo") })).items.map((e) => e.id)).toEqual(
        [ids[3]],
      );
      expect((await list(f.ws.id, { q: "100%" })).items).toEqual([]);
    });

    it("paginates with a cursor without repeats", async () => {
      const { f, ids } = await world();
      const p1 = await list(f.ws.id, { limit: 3 });
      expect(p1.nextCursor).not.toBeNull();
      const p2 = await list(f.ws.id, { limit: 3, cursor: p1.nextCursor });
      expect(p2.nextCursor).toBeNull();
      expect([...p1.items, ...p2.items].map((e) => e.id)).toEqual([...ids].reverse());
    });

    it("hides deleted observations and other workspaces' observations", async () => {
      const { f, d, ids } = await world();
      const other = await seedWorkspace(db(), "Other");
      await pushAs(db(), d, [
        { seq: 5, op: "obs.delete", id: ids[0] as string, hlc: hlc(d.deviceId) },
      ]);
      expect(await db().getObservation(f.ws.id, ids[0] as string)).toBeNull();
      expect(await db().getObservation(f.ws.id, ids[1] as string)).not.toBeNull();
      expect(await db().getObservation(other.ws.id, ids[1] as string)).toBeNull();
      expect((await list(other.ws.id)).items).toEqual([]);
      expect((await list(f.ws.id)).items).toHaveLength(3);
      expect(await db().dumpEntities(f.ws.id)).toHaveLength(4);
    });

    it("recomputes stored search text once per version, so old rows match like new ones", async () => {
      const f = await seedWorkspace(db());
      const d = (await f.pair("marketer")).principal;
      await pushAs(db(), d, [webCreate(1, d, { what: "Giá-rẻ hôm nay" })]);
      const marked = (fields: Record<string, unknown>) => `marker ${String(fields.what)}`;
      expect(await db().refreshSearchText("test-1", marked)).toBe(1);
      const found = await db().listObservations(f.ws.id, { q: "marker", limit: 10 });
      expect(found.items.map((e) => e.fields.what)).toEqual(["Giá-rẻ hôm nay"]);
      expect(await db().refreshSearchText("test-1", marked)).toBe(0); // already at this version
      expect(await db().refreshSearchText("test-2", () => "other")).toBe(1);
    });
  });
}
