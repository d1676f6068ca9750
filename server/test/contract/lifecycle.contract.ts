// Contract of deleting and restoring insights and actions (soft delete with
// undo, docs/http-api.md "Insights and actions"), run by dbContract on every adapter.
import { describe, expect, it } from "vitest";
import { type DbFactory, seedWorkspace } from "./fixture.ts";
import { useDb } from "./use-db.ts";

const T = "2026-03-20T00:00:00.000Z";
const LATER = "2026-03-21T00:00:00.000Z";

export function lifecycleContract(make: DbFactory): void {
  describe("insight and action lifecycle", () => {
    const db = useDb(make);

    async function world() {
      const f = await seedWorkspace(db());
      const ws = f.ws.id;
      await db().createJournal(ws, {
        id: "j1",
        title: "Giá",
        question: "",
        goal: "",
        scope: {},
        createdBy: "u1",
        createdAt: T,
      });
      const insight = (id: string) =>
        db().createInsight(ws, {
          id,
          journalId: "j1",
          statement: `Insight ${id}`,
          needs: [],
          createdBy: "u1",
          createdAt: T,
          evidence: [],
        });
      await insight("i1");
      await insight("i2");
      for (const [id, insightId] of [
        ["a1", "i1"],
        ["a2", "i1"],
      ] as const) {
        await db().createAction(ws, {
          id,
          insightId,
          title: id,
          owner: null,
          due: null,
          createdAt: T,
        });
      }
      return { f, ws };
    }

    it("deletes an insight softly: absent from reads until restored, whole again after", async () => {
      const { ws, f } = await world();
      expect(await db().deleteInsight(ws, "i1", LATER)).toBe(true);
      expect(await db().deleteInsight(ws, "i1", LATER)).toBe(false);
      expect(await db().getInsight(ws, "i1")).toBeNull();
      expect((await db().listInsights(ws, "j1")).map((i) => i.id)).toEqual(["i2"]);
      // Its actions cannot be changed or added to while it is deleted.
      expect(
        await db().createAction(ws, {
          id: "a3",
          insightId: "i1",
          title: "x",
          owner: null,
          due: null,
          createdAt: T,
        }),
      ).toBeNull();
      expect(await db().deleteAction(ws, "a1", LATER)).toBe(false);
      // Another workspace cannot restore it.
      const other = await seedWorkspace(db(), "Other");
      expect(await db().restoreInsight(other.ws.id, "i1", LATER)).toBeNull();
      expect(await db().restoreInsight(ws, "i2", LATER)).toBeNull(); // not deleted
      const back = await db().restoreInsight(ws, "i1", LATER);
      expect(back).toMatchObject({ id: "i1", updatedAt: LATER });
      expect(back?.actions.map((a) => a.id)).toEqual(["a1", "a2"]);
      expect((await db().listInsights(ws, "j1")).map((i) => i.id)).toEqual(["i1", "i2"]);
      expect(f.ws.id).toBe(ws);
    });

    it("deletes an action softly and restores it", async () => {
      const { ws } = await world();
      expect(await db().deleteAction(ws, "a1", LATER)).toBe(true);
      expect(await db().getAction(ws, "a1")).toBeNull();
      expect(await db().updateAction(ws, "a1", { status: "done" }, LATER)).toBeNull();
      expect((await db().getInsight(ws, "i1"))?.actions.map((a) => a.id)).toEqual(["a2"]);
      expect((await db().listInsights(ws, "j1"))[0]?.actions.map((a) => a.id)).toEqual(["a2"]);
      expect(await db().restoreAction(ws, "a2", LATER)).toBeNull(); // not deleted
      expect(await db().restoreAction(ws, "a1", LATER)).toMatchObject({ id: "a1", status: "todo" });
      expect((await db().getInsight(ws, "i1"))?.actions.map((a) => a.id)).toEqual(["a1", "a2"]);
    });
  });
}
