// Stores (the shops): CRUD by admins and managers, version bumps and pokes
// so devices re-pull their config.
import { afterEach, describe, expect, it } from "vitest";
import { createTestApp, TEST_STORE, type TestApp } from "../../test/support/test-app.ts";

let t: TestApp;
afterEach(() => t?.close());

describe("stores", () => {
  it("creates, lists and patches stores; a change pokes devices and reaches them on pull", async () => {
    t = await createTestApp();
    const pokes: number[] = [];
    t.deps.notifier.subscribe(t.workspaceId, (v) => pokes.push(v));
    const kiosk = await t.pair("staff");
    const first = await (await t.pull(kiosk, null)).json();
    const res = await t.request(`/v1/stores/${t.storeId}`, {
      method: "PATCH",
      token: t.admin.token,
      json: { zones: ["Lối vào", "Kệ TV"] },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ...TEST_STORE, id: t.storeId, zones: ["Lối vào", "Kệ TV"] });
    expect(pokes).toHaveLength(1);
    const next = await (await t.pull(kiosk, first.cookie)).json();
    expect(next.cookie.v).toBeGreaterThan(first.cookie.v);
    expect(next.config.store.zones).toEqual(["Lối vào", "Kệ TV"]);
    const created = await t.request("/v1/stores", {
      method: "POST",
      token: t.admin.token,
      json: { ...TEST_STORE, name: "Hà Nội" },
    });
    expect(created.status).toBe(201);
    expect(
      (await (await t.request("/v1/stores", { token: t.admin.token })).json()).items,
    ).toHaveLength(2);
  });

  it("validates store input and refuses non-managers", async () => {
    t = await createTestApp();
    const bad = await t.request("/v1/stores", {
      method: "POST",
      token: t.admin.token,
      json: { ...TEST_STORE, timeZone: "Mars/Base" },
    });
    expect(bad.status).toBe(400);
    expect((await bad.json()).errors[0].path).toBe("timeZone");
    const viewer = await t.loginAs("viewer");
    expect(
      (await t.request("/v1/stores", { method: "POST", token: viewer.token, json: TEST_STORE }))
        .status,
    ).toBe(403);
    expect((await t.request("/v1/stores", { token: viewer.token })).status).toBe(200);
    expect(
      (
        await t.request(`/v1/stores/${t.storeId}`, {
          method: "PATCH",
          token: t.admin.token,
          json: {},
        })
      ).status,
    ).toBe(400);
  });
});
