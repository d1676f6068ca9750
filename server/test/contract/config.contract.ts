// Contract: stores, competitors and tags, scoped per workspace; config
// changes bump the workspace version.
import { describe, expect, it } from "vitest";
import { pushAs, STORE_INPUT, type StoreFactory, seedWorkspace, webCreate } from "./fixture.ts";
import { useStore } from "./use-db.ts";

export function configContract(make: StoreFactory) {
  describe("workspace configuration", () => {
    const store = useStore(make);

    it("creates, reads and patches stores within a workspace only", async () => {
      const a = await seedWorkspace(store(), "A");
      const b = await seedWorkspace(store(), "B");
      expect(await store().getStore(a.ws.id, a.shop.id)).toEqual({ ...STORE_INPUT, id: a.shop.id });
      expect(await store().getStore(b.ws.id, a.shop.id)).toBeNull();
      expect(await store().updateStore(b.ws.id, a.shop.id, { name: "x" })).toBeNull();
      const patched = await store().updateStore(a.ws.id, a.shop.id, { zones: ["Kệ A"] });
      expect(patched).toEqual({ ...STORE_INPUT, id: a.shop.id, zones: ["Kệ A"] });
      expect((await store().listStores(a.ws.id)).map((s) => s.id)).toEqual([a.shop.id]);
    });

    it("creates and patches competitors; every config change bumps the version", async () => {
      const { ws } = await seedWorkspace(store());
      const v0 = (await store().getWorkspace(ws.id))?.version ?? 0;
      const c = await store().createCompetitor(ws.id, {
        name: "Điện Máy Xanh",
        domains: ["dienmayxanh.com"],
      });
      const p = await store().updateCompetitor(ws.id, c.id, { domains: ["dmx.vn"] });
      expect(p).toEqual({ id: c.id, name: "Điện Máy Xanh", domains: ["dmx.vn"] });
      expect(await store().listCompetitors(ws.id)).toEqual([p]);
      expect((await store().getWorkspace(ws.id))?.version).toBe(v0 + 2);
      expect(await store().updateCompetitor("other", c.id, { name: "x" })).toBeNull();
    });

    it("lists tags in use, most used first", async () => {
      const f = await seedWorkspace(store());
      const d = (await f.pair("marketer")).principal;
      await pushAs(store(), d, [
        webCreate(1, d, { tags: ["tết", "sale"] }),
        webCreate(2, d, { tags: ["sale"] }),
      ]);
      expect(await store().listTags(f.ws.id, 10)).toEqual(["sale", "tết"]);
    });
  });
}
