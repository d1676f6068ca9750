// GET /v1/observations: flat views with 5W1H, filters, accent-insensitive q,
// cursor pages; deleted observations excluded.
import { afterEach, describe, expect, it } from "vitest";
import { nextHlc, storeObservation, webObservation } from "../../test/support/mutations.ts";
import { createTestApp, type TestApp } from "../../test/support/test-app.ts";

let t: TestApp;
afterEach(() => t?.close());

describe("GET /v1/observations", () => {
  it("lists flat views with the 5W1H score, filtered and searched accent-insensitively", async () => {
    t = await createTestApp();
    const ext = await t.pair("marketer");
    const kiosk = await t.pair("staff");
    const web = webObservation(1, ext, {
      who: "Sinh viên",
      why: "Giá rẻ hơn",
      needs: ["price"],
      tags: ["tết"],
    });
    await t.push(ext, [web, webObservation(2, ext, { what: "Free delivery banner" })]);
    await t.push(kiosk, [storeObservation(1, kiosk, { what: "Khách hỏi giá tivi" })]);
    const all = await (await t.request("/v1/observations", { token: t.admin.token })).json();
    expect(all.items).toHaveLength(3);
    const item = all.items.find((i: { id: string }) => i.id === web.id);
    expect(item).toMatchObject({
      id: web.id,
      createdBy: ext.deviceId,
      version: expect.any(Number),
      channel: "web",
      who: "Sinh viên",
      fiveW1H: 5,
    });
    const q = async (query: string) =>
      (
        await (await t.request(`/v1/observations?${query}`, { token: t.admin.token })).json()
      ).items.map((i: { id: string }) => i.id);
    expect((await q("q=GIA")).length).toBe(2);
    expect(await q(`q=${encodeURIComponent("giá rẻ")}`)).toEqual([web.id]);
    expect(await q("need=price")).toEqual([web.id]);
    expect(await q(`tag=${encodeURIComponent("tết")}`)).toEqual([web.id]);
    expect((await q("channel=store")).length).toBe(1);
    expect((await q(`storeId=${t.storeId}`)).length).toBe(1);
    expect((await q("from=2000-01-01&to=2000-01-02")).length).toBe(0);
  });

  it("pages with a cursor and hides deleted observations", async () => {
    t = await createTestApp();
    const d = await t.pair("marketer");
    const ms = [1, 2, 3, 4, 5].map((s) => webObservation(s, d));
    await t.push(d, [
      ...ms,
      { seq: 6, op: "obs.delete", id: ms[0]?.id as string, hlc: nextHlc(d.deviceId) },
    ]);
    const p1 = await (await t.request("/v1/observations?limit=3", { token: t.admin.token })).json();
    expect(p1.items).toHaveLength(3);
    const p2 = await (
      await t.request(`/v1/observations?limit=3&cursor=${p1.nextCursor}`, { token: t.admin.token })
    ).json();
    expect(p2.nextCursor).toBeNull();
    const seen = [...p1.items, ...p2.items].map((i: { id: string }) => i.id);
    expect(seen.sort()).toEqual(
      ms
        .slice(1)
        .map((m) => m.id)
        .sort(),
    );
    expect(
      (await t.request(`/v1/observations/${ms[0]?.id}`, { token: t.admin.token })).status,
    ).toBe(404);
    const one = await (
      await t.request(`/v1/observations/${ms[1]?.id}`, { token: t.admin.token })
    ).json();
    expect(one.id).toBe(ms[1]?.id);
  });
});
