// POST /v1/sync/pull through the real app: pagination with k mid-version, the
// head, resets, config on the first page, scope.
import { afterEach, describe, expect, it } from "vitest";
import { webObservation } from "../../test/support/mutations.ts";
import { createTestApp, type TestApp } from "../../test/support/test-app.ts";

let t: TestApp;
afterEach(() => t?.close());

type Page = {
  cookie: { epoch: string; v: number; k?: string };
  hasMore: boolean;
  reset: boolean;
  changes: { op: string; entity: { id: string; version: number } }[];
  config?: { tags?: string[] };
  lastSeq: number;
};
const page = async (r: Response): Promise<Page> => {
  expect(r.status).toBe(200);
  return r.json();
};

describe("POST /v1/sync/pull", () => {
  it("paginates with k mid-version, ends at the current version, and the head returns nothing", async () => {
    t = await createTestApp();
    const d = await t.pair("marketer");
    await t.push(
      d,
      [1, 2, 3, 4, 5].map((s) => webObservation(s, d)),
    );
    const p1 = await page(await t.pull(d, null, 2));
    expect(p1).toMatchObject({ reset: true, hasMore: true });
    expect(p1.cookie.k).toBe(p1.changes[1]?.entity.id);
    expect(p1.config).toBeDefined();
    const p2 = await page(await t.pull(d, p1.cookie, 2));
    expect(p2.config).toBeUndefined();
    expect(p2.cookie.v).toBe(p1.cookie.v);
    const p3 = await page(await t.pull(d, p2.cookie, 2));
    expect(p3.hasMore).toBe(false);
    expect(p3.cookie.k).toBeUndefined();
    const ids = [p1, p2, p3].flatMap((p) => p.changes.map((c) => c.entity.id));
    expect(new Set(ids).size).toBe(5);
    const head = await page(await t.pull(d, p3.cookie));
    expect(head).toMatchObject({ changes: [], hasMore: false, reset: false, cookie: p3.cookie });
    expect(head.lastSeq).toBe(5);
  });

  it("resets when the cookie comes from another database (epoch)", async () => {
    t = await createTestApp();
    const d = await t.pair("marketer");
    await t.push(d, [webObservation(1, d)]);
    const p = await page(await t.pull(d, { epoch: "restored-elsewhere", v: 7 }));
    expect(p.reset).toBe(true);
    expect(p.changes).toHaveLength(1);
    expect(p.cookie.epoch).not.toBe("restored-elsewhere");
  });

  it("gives extensions competitors and tags, kiosks their store", async () => {
    t = await createTestApp();
    await t.request("/v1/competitors", {
      method: "POST",
      token: t.admin.token,
      json: { name: "Điện Máy Xanh", domains: ["dienmayxanh.com"] },
    });
    const ext = await t.pair("marketer");
    await t.push(ext, [webObservation(1, ext, { tags: ["tết"] })]);
    const e = await page(await t.pull(ext, null));
    expect(e.config).toMatchObject({ competitors: [{ name: "Điện Máy Xanh" }], tags: ["tết"] });
    const kiosk = await t.pair("staff");
    const k = await page(await t.pull(kiosk, null));
    expect(k.config).toMatchObject({ store: { id: t.storeId } });
    expect(k.changes).toEqual([]);
  });

  it("counts the tags in use at most once a minute per workspace", async () => {
    // Real time: the pushed stamps come from the real clock, and the server
    // refuses stamps ahead of its own.
    let at = Date.now();
    t = await createTestApp({ now: () => new Date(at) });
    const ext = await t.pair("marketer");
    await t.push(ext, [webObservation(1, ext, { tags: ["tết"] })]);
    expect((await page(await t.pull(ext, null))).config?.tags).toEqual(["tết"]);
    await t.push(ext, [
      webObservation(2, ext, { tags: ["sale"] }),
      webObservation(3, ext, { tags: ["sale"] }),
    ]);
    at += 59_000;
    expect((await page(await t.pull(ext, null))).config?.tags).toEqual(["tết"]);
    at += 2_000;
    expect((await page(await t.pull(ext, null))).config?.tags).toEqual(["sale", "tết"]);
  });

  it("rejects bad envelopes with 400 and never answers a staff device with another's data", async () => {
    t = await createTestApp();
    const d = await t.pair("staff");
    const bad = await t.request("/v1/sync/pull", {
      method: "POST",
      token: d.token,
      json: { protocol: 1, deviceId: d.deviceId, clientSchema: 1, cookie: null, limit: 99999 },
    });
    expect(bad.status).toBe(400);
    expect((await bad.json()).errors[0].path).toBe("limit");
  });
});
