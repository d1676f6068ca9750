// Contract of the whole-journal timeline (Db.queryTimeline, docs/http-api.md
// "Journal timeline"), run by dbContract on every adapter: filters combine
// (AND across filters, OR within one), totals are exact over the whole
// scope, `q` ranks by BM25 the same way on every adapter, and a cursor never
// skips or repeats a row while pushes arrive.
import type { Mutation } from "@sightline/shared";
import { describe, expect, it } from "vitest";
import type { Db, DevicePrincipal, TimelineQuery } from "../../src/db/port.ts";
import { foldText } from "../../src/observations/search-text.ts";
import {
  type DbFactory,
  pushAs,
  STORE_INPUT,
  seedWorkspace,
  storeCreate,
  webCreate,
} from "./fixture.ts";
import { useDb } from "./use-db.ts";

const at = (minute: number) => new Date(Date.UTC(2026, 2, 1, 3, 0) + minute * 60_000).toISOString();

const word = (w: string, storeIds: string[] = [], competitorIds: string[] = []) => ({
  word: foldText(w),
  storeIds,
  competitorIds,
});

async function pushAll(db: Db, d: DevicePrincipal, ms: Mutation[], firstSeq: number) {
  for (let i = 0; i < ms.length; i += 250) {
    const batch = ms.slice(i, i + 250).map((m, j) => ({ ...m, seq: firstSeq + i + j }));
    const out = await pushAs(db, d, batch);
    if (out.kind !== "ok" || out.rejected.length)
      throw new Error(JSON.stringify(out).slice(0, 300));
  }
  return firstSeq + ms.length;
}

/** Every item of the query, page by page, running `between` after each page. */
async function walk(
  db: Db,
  ws: string,
  q: TimelineQuery,
  between?: (page: number) => Promise<void>,
) {
  const ids: string[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 100; page++) {
    const r = await db.queryTimeline(ws, { ...q, cursor });
    ids.push(...r.items.map((i) => i.entity.id));
    if (!r.nextCursor) return ids;
    cursor = r.nextCursor;
    await between?.(page);
  }
  throw new Error("too many pages");
}

export function timelineContract(make: DbFactory): void {
  describe("timeline query", () => {
    const db = useDb(make);

    it("combines filters: AND across filters, OR within one, inside the journal's scope", async () => {
      const f = await seedWorkspace(db());
      const other = await db().createStore(f.ws.id, { ...STORE_INPUT, name: "Thủ Đức" });
      const kiosk = (await f.pair("staff")).principal;
      const kiosk2 = (await f.pair("staff", { storeId: other.id })).principal;
      const ext = (await f.pair("marketer")).principal;
      const shop = [
        storeCreate(1, kiosk, {
          what: "a",
          capturedAt: at(1),
          needs: ["price"],
          tags: ["x"],
          basis: "observed",
        }),
        storeCreate(2, kiosk, {
          what: "b",
          capturedAt: at(2),
          needs: ["efficiency"],
          tags: ["y"],
          basis: "heard",
        }),
        storeCreate(3, kiosk, {
          what: "c",
          capturedAt: at(3),
          needs: ["price", "efficiency"],
          basis: "inferred",
        }),
      ];
      const shop2 = [
        storeCreate(1, kiosk2, {
          what: "d",
          capturedAt: at(4),
          needs: ["price"],
          tags: ["x"],
          basis: "observed",
        }),
      ];
      const web = [
        webCreate(1, ext, {
          what: "e",
          capturedAt: at(5),
          competitorId: "c1",
          needs: ["price"],
          basis: "observed",
        }),
        webCreate(2, ext, { what: "f", capturedAt: at(6), competitorId: "c2", tags: ["x"] }),
      ];
      await pushAs(db(), kiosk, shop);
      await pushAs(db(), kiosk2, shop2);
      await pushAs(db(), ext, web);
      const ws = f.ws.id;
      const q = async (extra: Partial<TimelineQuery>, scope = {}) => {
        const r = await db().queryTimeline(ws, { scope, limit: 50, ...extra });
        return { whats: r.items.map((i) => i.entity.fields.what), total: r.total };
      };
      // Newest first, everything.
      expect(await q({})).toEqual({ whats: ["f", "e", "d", "c", "b", "a"], total: 6 });
      // OR within a filter.
      expect((await q({ needs: ["efficiency", "price"] })).whats).toEqual([
        "e",
        "d",
        "c",
        "b",
        "a",
      ]);
      expect((await q({ channels: ["web", "store"] })).total).toBe(6);
      // AND across filters.
      expect(await q({ needs: ["price"], tags: ["x"] })).toEqual({ whats: ["d", "a"], total: 2 });
      expect(await q({ needs: ["price"], channels: ["store"], storeIds: [f.shop.id] })).toEqual({
        whats: ["c", "a"],
        total: 2,
      });
      expect((await q({ bases: ["observed"], tags: ["x"] })).whats).toEqual(["d", "a"]);
      expect((await q({ competitorIds: ["c1", "c2"] })).whats).toEqual(["f", "e"]);
      // A store filter keeps only observations of that store (web ones have none).
      expect((await q({ storeIds: [other.id] })).whats).toEqual(["d"]);
      // Time window: from inclusive, to exclusive.
      expect((await q({ fromMs: Date.parse(at(2)), toMs: Date.parse(at(4)) })).whats).toEqual([
        "c",
        "b",
      ]);
      // Filters narrow the scope, never widen it.
      expect(await q({ needs: ["price"] }, { channels: ["web"] })).toEqual({
        whats: ["e"],
        total: 1,
      });
      expect((await q({ channels: ["store"] }, { channels: ["web"] })).total).toBe(0);
      // Words AND the filters; a store's name counts as the observation's text.
      expect((await q({ words: [word("thu duc", [other.id])] })).whats).toEqual(["d"]);
      expect((await q({ words: [word("a")], channels: ["store"] })).total).toBe(1);
    });

    it("gives exact totals over more than 1,000 observations and pages through all of them", async () => {
      const f = await seedWorkspace(db());
      const kiosk = (await f.pair("staff")).principal;
      const ext = (await f.pair("marketer")).principal;
      const shop = Array.from({ length: 800 }, (_, i) =>
        storeCreate(i + 1, kiosk, {
          what: i % 4 === 0 ? `Khách chê giá cao lần ${i}` : `Khách đi dạo ${i}`,
          capturedAt: at(i),
          needs: i % 2 === 0 ? ["price"] : ["efficiency"],
        }),
      );
      const web = Array.from({ length: 450 }, (_, i) =>
        webCreate(i + 1, ext, {
          what: `Giá giảm ${i}`,
          capturedAt: at(i + 0.5),
          competitorId: "c1",
        }),
      );
      await pushAll(db(), kiosk, shop, 1);
      await pushAll(db(), ext, web, 1);
      const ws = f.ws.id;
      const all = await db().queryTimeline(ws, { scope: {}, limit: 10 });
      expect(all.total).toBe(1250);
      expect(all.items).toHaveLength(10);
      const web1 = await db().queryTimeline(ws, { scope: {}, channels: ["web"], limit: 5 });
      expect(web1.total).toBe(450);
      const priced = await db().queryTimeline(ws, {
        scope: {},
        channels: ["store"],
        needs: ["price"],
        limit: 5,
      });
      expect(priced.total).toBe(400);
      // "gia" matches "giá" (accents folded): 200 shop rows and 450 web rows.
      const gia = await db().queryTimeline(ws, { scope: {}, words: [word("giá")], limit: 7 });
      expect(gia.total).toBe(650);
      const giaShop = await db().queryTimeline(ws, {
        scope: {},
        words: [word("gia")],
        channels: ["store"],
        needs: ["price"],
        limit: 7,
      });
      expect(giaShop.total).toBe(200);
      // Paging reaches every row exactly once, in both orders.
      const ids = await walk(db(), ws, { scope: {}, limit: 300 });
      expect(ids).toHaveLength(1250);
      expect(new Set(ids).size).toBe(1250);
      const ranked = await walk(db(), ws, { scope: {}, words: [word("gia")], limit: 100 });
      expect(ranked).toHaveLength(650);
      expect(new Set(ranked).size).toBe(650);
    });

    it("ranks by BM25: whole words above parts of words, rarer words and shorter texts first", async () => {
      const f = await seedWorkspace(db());
      const ext = (await f.pair("marketer")).principal;
      const rows = [
        webCreate(1, ext, { what: "Giao hàng chậm", capturedAt: at(1) }),
        webCreate(2, ext, { what: "Giá rẻ hơn hẳn đối thủ, giá tốt", capturedAt: at(2) }),
        webCreate(3, ext, { what: "Giá cao", capturedAt: at(3) }),
        webCreate(4, ext, {
          what: "Nhân viên tư vấn nhiệt tình, hỏi giá được trả lời ngay",
          capturedAt: at(4),
        }),
        webCreate(5, ext, { what: "Không liên quan", capturedAt: at(5) }),
      ];
      await pushAs(db(), ext, rows);
      const r = await db().queryTimeline(f.ws.id, { scope: {}, words: [word("gia")], limit: 10 });
      expect(r.total).toBe(4);
      expect(r.items.map((i) => i.entity.fields.what)).toEqual([
        "Giá rẻ hơn hẳn đối thủ, giá tốt",
        "Giá cao",
        "Nhân viên tư vấn nhiệt tình, hỏi giá được trả lời ngay",
        "Giao hàng chậm",
      ]);
      const scores = r.items.map((i) => i.score ?? 0);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
      expect(scores.every((s) => s > 0)).toBe(true);
      // Two words: both must occur; exact scores are the same on every adapter.
      const two = await db().queryTimeline(f.ws.id, {
        scope: {},
        words: [word("gia"), word("cao")],
        limit: 10,
      });
      expect(two.items.map((i) => [i.entity.fields.what, i.score])).toEqual([
        ["Giá cao", 1.930052],
      ]);
    });

    it("keeps its cursor stable while pushes arrive: no row skipped or repeated", async () => {
      const f = await seedWorkspace(db());
      const ext = (await f.pair("marketer")).principal;
      const first = Array.from({ length: 120 }, (_, i) =>
        webCreate(i + 1, ext, {
          what: i % 3 === 0 ? `Giá giảm mạnh ${i}` : `Giá ${i} và giao hàng ${"x".repeat(i % 17)}`,
          capturedAt: at(i),
        }),
      );
      let seq = await pushAll(db(), ext, first, 1);
      const original = new Set(first.map((m) => m.id));
      const ws = f.ws.id;
      const arrive = async (page: number) => {
        // New rows on both sides of the cursor (newer and older capture
        // times), matching the words, so the corpus figures move too.
        const fresh = Array.from({ length: 15 }, (_, j) =>
          webCreate(0, ext, {
            what: j % 2 ? "Giá giá giá" : `Giá mới ${page}-${j}`,
            capturedAt: at(j % 2 ? 500 + page : -50 - page),
          }),
        );
        seq = await pushAll(db(), ext, fresh, seq);
      };
      for (const q of [
        { scope: {}, limit: 25 },
        { scope: {}, limit: 25, words: [word("gia")] },
        { scope: {}, limit: 25, words: [word("gia"), word("giam")] },
      ] satisfies TimelineQuery[]) {
        const ids = await walk(db(), ws, q, arrive);
        expect(new Set(ids).size).toBe(ids.length);
        const seen = ids.filter((id) => original.has(id));
        const expected = q.words?.length === 2 ? first.filter((_, i) => i % 3 === 0).length : 120;
        expect(seen).toHaveLength(expected);
      }
    });
  });
}
