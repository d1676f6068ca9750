// Contract of the journal side of the Db port (journals, insights,
// evidence, actions, imports, scoped reads), run by dbContract on every adapter (SQLite, PostgreSQL). Port
// only: observations go in through push, everything else through the port.
import { applyMutation, type Entity, hlcFormat, uuidv7 } from "@sightline/shared";
import { describe, expect, it } from "vitest";
import type { Db } from "../../src/db/port.ts";
import { foldText } from "../../src/observations/search-text.ts";
import { type DbFactory, NOW, pushAs, seedWorkspace, storeCreate, webCreate } from "./fixture.ts";
import { useDb } from "./use-db.ts";

const at = (day: number, hour = 10) =>
  `2026-03-${String(day).padStart(2, "0")}T${String(hour).padStart(2, "0")}:00:00+07:00`;
const T = "2026-03-20T00:00:00.000Z";

async function world(db: Db) {
  const f = await seedWorkspace(db);
  const kiosk = (await f.pair("staff")).principal;
  const ext = (await f.pair("marketer")).principal;
  const web = [
    webCreate(1, ext, {
      what: "Giá giảm còn 990.000₫",
      capturedAt: at(2),
      competitorId: "c1",
      needs: ["price"],
    }),
    webCreate(2, ext, {
      what: "Free shipping",
      capturedAt: at(4),
      competitorId: "c2",
      tags: ["ship"],
    }),
    webCreate(3, ext, { what: "No competitor named", capturedAt: at(6) }),
  ];
  const shop = [
    storeCreate(1, kiosk, { what: "Khách hỏi giá", capturedAt: at(1) }),
    storeCreate(2, kiosk, { what: "Chờ thanh toán", capturedAt: at(3), behaviour: "waited" }),
    storeCreate(3, kiosk, { what: "Khách hỏi giá lần nữa", capturedAt: at(5), tags: ["ship"] }),
  ];
  await pushAs(db, ext, web);
  await pushAs(db, kiosk, shop);
  const ids = Object.fromEntries([...web, ...shop].map((m) => [m.fields?.what as string, m.id]));
  return { f, kiosk, ext, ids };
}

const newJournal = (id: string, title: string, scope = {}) => ({
  id,
  title,
  question: "Vì sao?",
  goal: "Bán thêm",
  scope,
  createdBy: "u1",
  createdAt: T,
});

export function journalsContract(make: DbFactory): void {
  describe("journals", () => {
    const db = useDb(make);

    it("creates, lists newest first, reads and updates journals within a workspace", async () => {
      const { ws } = await seedWorkspace(db());
      const other = await seedWorkspace(db(), "Other");
      const a = await db().createJournal(ws.id, newJournal("j1", "Giá", { channels: ["web"] }));
      expect(a).toMatchObject({
        id: "j1",
        title: "Giá",
        archived: false,
        scope: { channels: ["web"] },
        updatedAt: T,
      });
      await db().createJournal(ws.id, {
        ...newJournal("j2", "Chờ"),
        createdAt: "2026-03-21T00:00:00.000Z",
      });
      expect((await db().listJournals(ws.id)).map((j) => j.id)).toEqual(["j2", "j1"]);
      expect(await db().getJournal(other.ws.id, "j1")).toBeNull();
      expect(await db().listJournals(other.ws.id)).toEqual([]);
      const u = await db().updateJournal(
        ws.id,
        "j1",
        { title: "Giá cả", archived: true, scope: {} },
        "2026-03-22T00:00:00.000Z",
      );
      expect(u).toMatchObject({
        title: "Giá cả",
        archived: true,
        scope: {},
        question: "Vì sao?",
        updatedAt: "2026-03-22T00:00:00.000Z",
      });
      expect(await db().updateJournal(other.ws.id, "j1", { title: "x" }, T)).toBeNull();
    });

    it("pages a scope oldest first with a cursor", async () => {
      const { f, ids } = await world(db());
      const page1 = await db().listScopedObservations(f.ws.id, { scope: {}, limit: 4 });
      const page2 = await db().listScopedObservations(f.ws.id, {
        scope: {},
        limit: 4,
        cursor: page1.nextCursor ?? "",
      });
      const whats = [...page1.items, ...page2.items].map((e) => e.fields.what);
      expect(whats).toEqual([
        "Khách hỏi giá",
        "Giá giảm còn 990.000₫",
        "Chờ thanh toán",
        "Free shipping",
        "Khách hỏi giá lần nữa",
        "No competitor named",
      ]);
      expect(page2.nextCursor).toBeNull();
      expect(page1.items[0]?.id).toBe(ids["Khách hỏi giá"]);
    });

    it("filters a scope by channel, time, need and tag; stores and competitors narrow only their own kind", async () => {
      const { f } = await world(db());
      const whats = async (scope: object, extra: object = {}) =>
        (await db().listScopedObservations(f.ws.id, { scope, limit: 50, ...extra })).items.map(
          (e) => e.fields.what,
        );
      expect(await whats({ channels: ["web"] })).toEqual([
        "Giá giảm còn 990.000₫",
        "Free shipping",
        "No competitor named",
      ]);
      expect(await whats({ from: "2026-03-03", to: "2026-03-04" })).toEqual([
        "Chờ thanh toán",
        "Free shipping",
      ]);
      expect(await whats({ needs: ["price"] })).toEqual(["Giá giảm còn 990.000₫"]);
      expect(await whats({ tags: ["ship"] })).toEqual(["Free shipping", "Khách hỏi giá lần nữa"]);
      expect(await whats({ competitorIds: ["c1"], channels: ["web"] })).toEqual([
        "Giá giảm còn 990.000₫",
        "No competitor named",
      ]);
      expect(await whats({ storeIds: ["nope"] })).toEqual([
        "Giá giảm còn 990.000₫",
        "Free shipping",
        "No competitor named",
      ]);
      expect(await whats({ storeIds: [f.shop.id], channels: ["store"] })).toHaveLength(3);
      expect(await whats({}, { q: foldText("GIA") })).toEqual([
        "Khách hỏi giá",
        "Giá giảm còn 990.000₫",
        "Khách hỏi giá lần nữa",
      ]);
      expect(await whats({}, { channel: "store", q: foldText("hoi gia") })).toEqual([
        "Khách hỏi giá",
        "Khách hỏi giá lần nữa",
      ]);
    });

    it("scans a whole scope, live observations only, and reads observations by id within the workspace", async () => {
      const { f, kiosk, ids } = await world(db());
      const other = await seedWorkspace(db(), "Other");
      const gone = ids["Chờ thanh toán"] as string;
      await pushAs(db(), kiosk, [
        {
          seq: 4,
          op: "obs.delete",
          id: gone,
          hlc: hlcFormat({ ms: NOW.getTime() + 99_999, counter: 0, node: kiosk.deviceId }),
        },
      ]);
      const scan = await db().scanScopedObservations(f.ws.id, { channels: ["store"] });
      expect(scan.map((o) => o.fields.what)).toEqual(["Khách hỏi giá", "Khách hỏi giá lần nữa"]);
      expect(scan[0]).toMatchObject({ id: ids["Khách hỏi giá"], createdBy: kiosk.deviceId });
      const got = await db().getObservations(f.ws.id, [
        ids["Khách hỏi giá"] as string,
        gone,
        "unknown",
      ]);
      expect(got.map((e) => e.id)).toEqual([ids["Khách hỏi giá"]]);
      expect(await db().getObservations(other.ws.id, [ids["Khách hỏi giá"] as string])).toEqual([]);
      expect(await db().getObservations(f.ws.id, [])).toEqual([]);
    });

    it("scans what changed in a scope after a version: every changed id, the live in-scope rows", async () => {
      const { f, kiosk, ext, ids } = await world(db());
      const other = await seedWorkspace(db(), "Other");
      const ws = f.ws.id;
      const since = (await db().getWorkspace(ws))?.version ?? 0;
      const gone = ids["Chờ thanh toán"] as string;
      const edited = ids["Khách hỏi giá"] as string;
      const added = storeCreate(6, kiosk, { what: "Mới", capturedAt: at(7) });
      const web = webCreate(4, ext, { what: "Web mới", capturedAt: at(8) });
      const h = (ms: number) =>
        hlcFormat({ ms: NOW.getTime() + ms, counter: 0, node: kiosk.deviceId });
      await pushAs(db(), kiosk, [
        { seq: 4, op: "obs.delete", id: gone, hlc: h(99_999) },
        { seq: 5, op: "obs.patch", id: edited, hlc: h(99_998), fields: { what: "Đã sửa" } },
        added,
      ]);
      await pushAs(db(), ext, [web]);
      const scope = { channels: ["store" as const] };
      const changes = await db().scanScopedChanges(ws, scope, since);
      expect([...changes.changedIds].sort()).toEqual([gone, edited, added.id, web.id].sort());
      expect(changes.observations.map((o) => [o.id, o.fields.what])).toEqual([
        [edited, "Đã sửa"],
        [added.id, "Mới"],
      ]);
      expect(changes.observations[1]).toMatchObject({ createdBy: kiosk.deviceId });
      const now = (await db().getWorkspace(ws))?.version ?? 0;
      expect(await db().scanScopedChanges(ws, scope, now)).toEqual({
        changedIds: [],
        observations: [],
      });
      expect((await db().scanScopedChanges(other.ws.id, {}, 0)).changedIds).toEqual([]);
    });

    it("scans from version 0 exactly the rows a full scan of the scope gives, in its order", async () => {
      const { f } = await world(db());
      const scopes = [
        {},
        { channels: ["web" as const] },
        { competitorIds: ["c1"] },
        { storeIds: ["nope"] },
        { needs: ["price" as const] },
        { tags: ["ship"] },
        { from: "2026-03-02", to: "2026-03-04" },
        { channels: ["web" as const, "store" as const], tags: ["ship"], from: "2026-03-03" },
      ];
      for (const scope of scopes) {
        const changes = await db().scanScopedChanges(f.ws.id, scope, 0);
        expect(changes.observations, JSON.stringify(scope)).toEqual(
          await db().scanScopedObservations(f.ws.id, scope),
        );
        expect(changes.changedIds).toHaveLength(6);
      }
    });

    it("keeps insights with evidence and actions", async () => {
      const { f, ids } = await world(db());
      const ws = f.ws.id;
      await db().createJournal(ws, newJournal("j1", "Giá"));
      const ev = (
        observationId: string,
        stance: "supports" | "contradicts" | "context" = "supports",
      ) => ({
        observationId,
        stance,
        note: null,
        addedBy: "u1",
        addedAt: T,
      });
      const a = ids["Khách hỏi giá"] as string;
      const b = ids["Giá giảm còn 990.000₫"] as string;
      const created = await db().createInsight(ws, {
        id: "i1",
        journalId: "j1",
        statement: "Khách so giá",
        needs: ["price"],
        createdBy: "u1",
        createdAt: T,
        evidence: [ev(a), ev(b)],
      });
      expect(created).toMatchObject({
        id: "i1",
        status: "draft",
        principles: {},
        overrideReason: null,
        actions: [],
      });
      expect(created.evidence.map((e) => e.observationId).sort()).toEqual([a, b].sort());

      const later = "2026-03-21T00:00:00.000Z";
      const relinked = await db().putEvidence(
        ws,
        "i1",
        { ...ev(a, "contradicts"), note: "hmm" },
        later,
      );
      expect(relinked?.evidence.find((e) => e.observationId === a)).toMatchObject({
        stance: "contradicts",
        note: "hmm",
      });
      expect(relinked?.updatedAt).toBe(later);
      expect(await db().removeEvidence(ws, "i1", b, later)).toBe(true);
      expect(await db().removeEvidence(ws, "i1", b, later)).toBe(false);

      const u = await db().updateInsight(
        ws,
        "i1",
        {
          status: "emerging",
          principles: { truth: { score: 2, note: "ok" } },
          overrideReason: "POS",
        },
        later,
      );
      expect(u).toMatchObject({
        status: "emerging",
        principles: { truth: { score: 2, note: "ok" } },
        overrideReason: "POS",
        statement: "Khách so giá",
      });

      const act = await db().createAction(ws, {
        id: "a1",
        insightId: "i1",
        title: "Giảm giá",
        owner: "Lan",
        due: "2026-04-01",
        createdAt: T,
      });
      expect(act).toMatchObject({ id: "a1", status: "todo", owner: "Lan", due: "2026-04-01" });
      expect(
        await db().updateAction(ws, "a1", { status: "done", owner: null }, later),
      ).toMatchObject({ status: "done", owner: null, due: "2026-04-01", updatedAt: later });
      expect(
        await db().createAction(ws, {
          id: "a2",
          insightId: "nope",
          title: "x",
          owner: null,
          due: null,
          createdAt: T,
        }),
      ).toBeNull();

      const list = await db().listInsights(ws, "j1");
      expect(list).toHaveLength(1);
      expect(list[0]?.actions.map((x) => x.id)).toEqual(["a1"]);
      expect(list[0]?.evidence.map((x) => x.observationId)).toEqual([a]);
      expect(await db().getInsight(ws, "i1")).toEqual(list[0]);
    });

    it("scopes insights and actions to their workspace", async () => {
      const { ws } = await seedWorkspace(db());
      const other = await seedWorkspace(db(), "Other");
      await db().createJournal(ws.id, newJournal("j1", "Giá"));
      const base = { statement: "x", needs: [], createdBy: "u1", createdAt: T, evidence: [] };
      await expect(
        db().createInsight(other.ws.id, { ...base, id: "i1", journalId: "j1" }),
      ).rejects.toThrow();
      await db().createInsight(ws.id, { ...base, id: "i1", journalId: "j1" });
      expect(await db().getInsight(other.ws.id, "i1")).toBeNull();
      expect(await db().updateInsight(other.ws.id, "i1", { status: "stale" }, T)).toBeNull();
      expect(
        await db().putEvidence(
          other.ws.id,
          "i1",
          { observationId: "o", stance: "supports", note: null, addedBy: "u", addedAt: T },
          T,
        ),
      ).toBeNull();
      expect(
        await db().createAction(other.ws.id, {
          id: "a1",
          insightId: "i1",
          title: "x",
          owner: null,
          due: null,
          createdAt: T,
        }),
      ).toBeNull();
      expect(await db().listInsights(other.ws.id, "j1")).toEqual([]);
    });

    it("imports observations once per source row, with one new workspace version", async () => {
      const { ws, admin } = await seedWorkspace(db());
      const other = await seedWorkspace(db(), "Other");
      const row = (n: number, workspaceId = ws.id) => {
        const id = uuidv7();
        const r = applyMutation(
          null,
          {
            seq: 1,
            op: "obs.create",
            id,
            hlc: hlcFormat({ ms: NOW.getTime(), counter: n, node: "import" }),
            fields: {
              channel: "import",
              method: "import",
              capturedAt: at(n),
              what: `Phản hồi ${n}`,
              source: "CRM",
              sourceRowId: `r${n}`,
            },
          },
          { workspaceId, deviceId: "import" },
        );
        if (!r.ok) throw new Error(r.message);
        return { observationId: id, sourceRowId: `r${n}`, entity: r.entity as Entity };
      };
      const before = (await db().getWorkspace(ws.id))?.version ?? 0;
      const first = await db().importObservations(ws.id, {
        sourceKey: "import:crm",
        ownerId: admin.id,
        rows: [row(1), row(2)],
        now: T,
      });
      expect(first.created).toHaveLength(2);
      expect(first.duplicates).toEqual([]);
      expect(first.version).toBe(before + 1);
      const again = await db().importObservations(ws.id, {
        sourceKey: "import:crm",
        ownerId: admin.id,
        rows: [row(1), row(2), row(3)],
        now: T,
      });
      expect(again.duplicates).toEqual(["r1", "r2"]);
      expect(again.created).toHaveLength(1);
      expect(again.version).toBe(before + 2);
      const none = await db().importObservations(ws.id, {
        sourceKey: "import:crm",
        ownerId: admin.id,
        rows: [row(1)],
        now: T,
      });
      expect(none).toEqual({ created: [], duplicates: ["r1"], version: before + 2 });
      const scan = await db().scanScopedObservations(ws.id, { channels: ["import"] });
      expect(scan.map((o) => o.fields.what)).toEqual(["Phản hồi 1", "Phản hồi 2", "Phản hồi 3"]);
      expect(
        (await db().listObservations(ws.id, { limit: 10, q: foldText("phan hoi 2") })).items,
      ).toHaveLength(1);
      const elsewhere = await db().importObservations(other.ws.id, {
        sourceKey: "import:crm",
        ownerId: other.admin.id,
        rows: [row(1, other.ws.id)],
        now: T,
      });
      expect(elsewhere.created).toHaveLength(1);
    });
  });
}
