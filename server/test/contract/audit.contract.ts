// Contract: the audit log — append-only, per workspace, newest first with a
// cursor that stays valid as rows arrive, filters, and retention.
import { describe, expect, it } from "vitest";
import type { Db, NewAuditEvent } from "../../src/db/port.ts";
import type { DbFactory } from "./fixture.ts";
import { useDb } from "./use-db.ts";

const event = (workspaceId: string | null, o: Partial<NewAuditEvent> = {}): NewAuditEvent => ({
  workspaceId,
  type: "sign-in",
  at: "2026-03-10T08:00:00.000Z",
  actorType: "user",
  actorId: "u1",
  actorLabel: "an@example.com",
  targetType: null,
  targetId: null,
  targetLabel: null,
  address: "203.0.113.7",
  detail: {},
  ...o,
});

async function all(db: Db, ws: string, limit: number) {
  const ids: string[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < 100; i++) {
    const page = await db.listAudit(ws, { limit, cursor });
    ids.push(...page.items.map((e) => e.id));
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  return ids;
}

export function auditContract(make: DbFactory) {
  describe("audit log", () => {
    const db = useDb(make);

    it("keeps every field as written and lists a workspace's rows only, newest first", async () => {
      const a = await db().createWorkspace("A");
      const b = await db().createWorkspace("B");
      const first = await db().appendAudit(
        event(a.id, {
          type: "role-change",
          targetType: "user",
          targetId: "u2",
          targetLabel: "bo@example.com",
          detail: { from: "viewer", to: "manager", count: 2, ok: true, none: null },
        }),
      );
      await db().appendAudit(event(b.id));
      await db().appendAudit(event(null, { type: "sign-in-failed", actorType: "anonymous" }));
      const second = await db().appendAudit(event(a.id, { at: "2026-03-10T09:00:00.000Z" }));
      expect(first).toMatchObject({
        workspaceId: a.id,
        type: "role-change",
        at: "2026-03-10T08:00:00.000Z",
        actorType: "user",
        actorId: "u1",
        actorLabel: "an@example.com",
        targetType: "user",
        targetId: "u2",
        targetLabel: "bo@example.com",
        address: "203.0.113.7",
        detail: { from: "viewer", to: "manager", count: 2, ok: true, none: null },
      });
      const page = await db().listAudit(a.id, { limit: 10 });
      expect(page.items.map((e) => e.id)).toEqual([second.id, first.id]);
      expect(page.items[1]).toEqual(first);
      expect(page.nextCursor).toBeNull();
    });

    it("pages with a cursor that is stable while new rows arrive", async () => {
      const ws = await db().createWorkspace("A");
      const made: string[] = [];
      for (let i = 0; i < 7; i++) made.push((await db().appendAudit(event(ws.id))).id);
      const p1 = await db().listAudit(ws.id, { limit: 3 });
      await db().appendAudit(event(ws.id));
      const p2 = await db().listAudit(ws.id, { limit: 3, cursor: p1.nextCursor ?? "" });
      const p3 = await db().listAudit(ws.id, { limit: 3, cursor: p2.nextCursor ?? "" });
      expect([...p1.items, ...p2.items, ...p3.items].map((e) => e.id)).toEqual(made.reverse());
      expect(p3.nextCursor).toBeNull();
      expect(await all(db(), ws.id, 2)).toHaveLength(8);
    });

    it("filters by type, actor and time (from inclusive, to exclusive)", async () => {
      const ws = await db().createWorkspace("A");
      await db().appendAudit(event(ws.id, { at: "2026-03-01T00:00:00.000Z" }));
      const b = await db().appendAudit(
        event(ws.id, { type: "pairing", actorId: "u2", at: "2026-03-02T00:00:00.000Z" }),
      );
      const c = await db().appendAudit(event(ws.id, { at: "2026-03-03T00:00:00.000Z" }));
      const ids = async (q: Parameters<Db["listAudit"]>[1]) =>
        (await db().listAudit(ws.id, q)).items.map((e) => e.id);
      expect(await ids({ limit: 10, type: "pairing" })).toEqual([b.id]);
      expect(await ids({ limit: 10, actorId: "u2" })).toEqual([b.id]);
      expect(
        await ids({ limit: 10, from: "2026-03-02T00:00:00.000Z", to: "2026-03-03T00:00:00.000Z" }),
      ).toEqual([b.id]);
      expect(await ids({ limit: 10, from: "2026-03-02T00:00:00.000Z" })).toEqual([c.id, b.id]);
      expect(await ids({ limit: 10, cursor: "not-a-cursor" })).toHaveLength(3);
    });

    it("prunes rows older than the retention cut-off, and only those", async () => {
      const ws = await db().createWorkspace("A");
      await db().appendAudit(event(ws.id, { at: "2025-01-01T00:00:00.000Z" }));
      await db().appendAudit(event(null, { at: "2025-01-01T00:00:00.000Z" }));
      const kept = await db().appendAudit(event(ws.id, { at: "2026-03-01T00:00:00.000Z" }));
      expect(await db().pruneAudit("2026-01-01T00:00:00.000Z")).toBe(2);
      expect((await db().listAudit(ws.id, { limit: 10 })).items.map((e) => e.id)).toEqual([
        kept.id,
      ]);
    });
  });
}
