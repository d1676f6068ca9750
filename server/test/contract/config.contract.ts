// Contract: stores, competitors and tags, scoped per workspace; config
// changes bump the workspace version.
import { describe, expect, it } from "vitest";
import { type DbFactory, pushAs, STORE_INPUT, seedWorkspace, webCreate } from "./fixture.ts";
import { useDb } from "./use-db.ts";

export function configContract(make: DbFactory) {
  describe("workspace configuration", () => {
    const db = useDb(make);

    it("creates, reads and patches stores within a workspace only", async () => {
      const a = await seedWorkspace(db(), "A");
      const b = await seedWorkspace(db(), "B");
      expect(await db().getStore(a.ws.id, a.shop.id)).toEqual({ ...STORE_INPUT, id: a.shop.id });
      expect(await db().getStore(b.ws.id, a.shop.id)).toBeNull();
      expect(await db().updateStore(b.ws.id, a.shop.id, { name: "x" })).toBeNull();
      const patched = await db().updateStore(a.ws.id, a.shop.id, { zones: ["Kệ A"] });
      expect(patched).toEqual({ ...STORE_INPUT, id: a.shop.id, zones: ["Kệ A"] });
      expect((await db().listStores(a.ws.id)).map((s) => s.id)).toEqual([a.shop.id]);
    });

    it("creates and patches competitors; every config change bumps the version", async () => {
      const { ws } = await seedWorkspace(db());
      const v0 = (await db().getWorkspace(ws.id))?.version ?? 0;
      const c = await db().createCompetitor(ws.id, {
        name: "Điện Máy Xanh",
        domains: ["dienmayxanh.com"],
      });
      const p = await db().updateCompetitor(ws.id, c.id, { domains: ["dmx.vn"] });
      expect(p).toEqual({ id: c.id, name: "Điện Máy Xanh", domains: ["dmx.vn"] });
      expect(await db().listCompetitors(ws.id)).toEqual([p]);
      expect((await db().getWorkspace(ws.id))?.version).toBe(v0 + 2);
      expect(await db().updateCompetitor("other", c.id, { name: "x" })).toBeNull();
    });

    it("lists tags in use, most used first", async () => {
      const f = await seedWorkspace(db());
      const d = (await f.pair("marketer")).principal;
      await pushAs(db(), d, [
        webCreate(1, d, { tags: ["tết", "sale"] }),
        webCreate(2, d, { tags: ["sale"] }),
      ]);
      expect(await db().listTags(f.ws.id, 10)).toEqual(["sale", "tết"]);
    });
  });
}
