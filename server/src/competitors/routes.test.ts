// Competitors: created and patched by admins and managers; domains are bare
// host names.
import { afterEach, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/support/test-app.ts";

let t: TestApp;
afterEach(() => t?.close());

describe("competitors", () => {
  it("creates and patches competitors", async () => {
    t = await createTestApp();
    const c = await (
      await t.request("/v1/competitors", {
        method: "POST",
        token: t.admin.token,
        json: { name: "Thế Giới Di Động", domains: ["thegioididong.com"] },
      })
    ).json();
    const p = await t.request(`/v1/competitors/${c.id}`, {
      method: "PATCH",
      token: t.admin.token,
      json: { domains: ["tgdd.vn"] },
    });
    expect(await p.json()).toEqual({ id: c.id, name: "Thế Giới Di Động", domains: ["tgdd.vn"] });
    expect(
      (
        await t.request("/v1/competitors/nope", {
          method: "PATCH",
          token: t.admin.token,
          json: { name: "x" },
        })
      ).status,
    ).toBe(404);
    const bad = await t.request("/v1/competitors", {
      method: "POST",
      token: t.admin.token,
      json: { name: "x", domains: ["https://x.vn/"] },
    });
    expect(bad.status).toBe(400);
  });
});
