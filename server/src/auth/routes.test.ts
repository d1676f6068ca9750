// Sign-in, sessions and scope: cookie and bearer both work, logout revokes,
// wrong passwords and other workspaces get clear 4xx answers, devices stay in
// their lane.
import { afterEach, describe, expect, it } from "vitest";
import { storeObservation, webObservation } from "../../test/support/mutations.ts";
import { createTestApp, type TestApp } from "../../test/support/test-app.ts";

let t: TestApp;
afterEach(() => t?.close());

const login = (t: TestApp, email: string, password: string) =>
  t.request("/v1/auth/login", { method: "POST", json: { email, password } });

describe("auth", () => {
  it("logs in with a token and an httpOnly SameSite=Strict cookie, both accepted", async () => {
    t = await createTestApp();
    const res = await login(t, "ADMIN@example.com", t.admin.password);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.user).toEqual({
      id: expect.any(String),
      email: "admin@example.com",
      role: "admin",
      workspaceId: t.workspaceId,
    });
    const cookie = res.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/sightline_session=[^;]+;/);
    expect(cookie).toContain("HttpOnly");
    expect(cookie).toContain("SameSite=Strict");
    expect(cookie).toContain("Path=/");
    const session = cookie.split(";")[0] as string;
    expect((await t.request("/v1/devices", { headers: { cookie: session } })).status).toBe(200);
    expect((await t.request("/v1/devices", { token: body.token })).status).toBe(200);
  });

  it("revokes the session on logout", async () => {
    t = await createTestApp();
    const { token } = await (await login(t, "admin@example.com", t.admin.password)).json();
    expect((await t.request("/v1/auth/logout", { method: "POST", token })).status).toBe(204);
    expect((await t.request("/v1/devices", { token })).status).toBe(401);
  });

  it("answers wrong passwords and unknown emails alike with 401", async () => {
    t = await createTestApp();
    const wrong = await login(t, "admin@example.com", "not it at all");
    const unknown = await login(t, "nobody@example.com", "not it at all");
    expect([wrong.status, unknown.status]).toEqual([401, 401]);
    expect((await wrong.json()).detail).toBe((await unknown.json()).detail);
  });

  it("ignores a session cookie on a cross-site write (CSRF)", async () => {
    t = await createTestApp();
    const res = await login(t, "admin@example.com", t.admin.password);
    const cookie = (res.headers.get("set-cookie") ?? "").split(";")[0] as string;
    const json = { role: "marketer" };
    const evil = await t.request("/v1/pairing-codes", {
      method: "POST",
      json,
      headers: { cookie, origin: "https://evil.example" },
    });
    expect(evil.status).toBe(401);
  });

  it("lets only admins create users, and refuses a taken email with 409", async () => {
    t = await createTestApp();
    const manager = await t.loginAs("manager");
    const json = { email: "new@example.com", password: "long enough pw", role: "viewer" };
    expect(
      (await t.request("/v1/users", { method: "POST", token: manager.token, json })).status,
    ).toBe(403);
    expect(
      (await t.request("/v1/users", { method: "POST", token: t.admin.token, json })).status,
    ).toBe(201);
    expect(
      (await t.request("/v1/users", { method: "POST", token: t.admin.token, json })).status,
    ).toBe(409);
  });

  it("lists the workspace's people to admins and managers, without password hashes", async () => {
    t = await createTestApp();
    const json = {
      email: "new@example.com",
      password: "long enough pw",
      role: "viewer",
      name: "Lan",
    };
    await t.request("/v1/users", { method: "POST", token: t.admin.token, json });
    const manager = await t.loginAs("manager");
    const res = await t.request("/v1/users", { token: manager.token });
    expect(res.status).toBe(200);
    const { items } = await res.json();
    expect(items).toContainEqual({
      id: expect.any(String),
      email: "new@example.com",
      name: "Lan",
      role: "viewer",
      createdAt: expect.any(String),
      disabled: false,
      deleted: false,
    });
    expect(JSON.stringify(items)).not.toMatch(/password|hash|scrypt/i);
    const marketer = await t.loginAs("marketer");
    expect((await t.request("/v1/users", { token: marketer.token })).status).toBe(403);
    const other = await t.otherWorkspace();
    const theirs = await (await t.request("/v1/users", { token: other.adminToken })).json();
    expect(theirs.items.map((u: { email: string }) => u.email)).not.toContain("new@example.com");
  });
});

describe("scope", () => {
  it("keeps other workspaces out: 404 for their observations, 403 for their stores' codes", async () => {
    t = await createTestApp();
    const d = await t.pair("marketer");
    const m = webObservation(1, d);
    await t.push(d, [m]);
    const other = await t.otherWorkspace();
    expect((await t.request(`/v1/observations/${m.id}`, { token: other.adminToken })).status).toBe(
      404,
    );
    expect(
      (await (await t.request("/v1/observations", { token: other.adminToken })).json()).items,
    ).toEqual([]);
    const patch = await t.request(`/v1/stores/${t.storeId}`, {
      method: "PATCH",
      token: other.adminToken,
      json: { name: "x" },
    });
    expect(patch.status).toBe(404);
  });

  it("never lets a staff device read observations, and limits devices to their routes", async () => {
    t = await createTestApp();
    const kiosk = await t.pair("staff");
    await t.push(kiosk, [storeObservation(1, kiosk)]);
    expect((await t.request("/v1/observations", { token: kiosk.token })).status).toBe(403);
    expect((await t.request("/v1/devices", { token: kiosk.token })).status).toBe(403);
    expect((await t.request("/v1/competitors", { token: kiosk.token })).status).toBe(403);
    const stores = await (await t.request("/v1/stores", { token: kiosk.token })).json();
    expect(stores.items.map((s: { id: string }) => s.id)).toEqual([t.storeId]);
    const ext = await t.pair("marketer");
    expect((await t.request("/v1/observations", { token: ext.token })).status).toBe(403);
    expect((await t.request("/v1/competitors", { token: ext.token })).status).toBe(200);
  });

  it("answers 401 for a missing or unknown token", async () => {
    t = await createTestApp();
    expect((await t.request("/v1/observations")).status).toBe(401);
    const res = await t.request("/v1/observations", { token: "made-up" });
    expect(res.status).toBe(401);
    expect(res.headers.get("www-authenticate")).toBe("Bearer");
  });
  it("GET /v1/auth/me answers who is signed in, and 401 without a session", async () => {
    const t = await createTestApp();
    const me = await t.request("/v1/auth/me", { token: t.admin.token });
    expect(me.status).toBe(200);
    expect((await me.json()).user).toMatchObject({
      email: "admin@example.com",
      role: "admin",
      workspaceId: t.workspaceId,
    });
    expect((await t.request("/v1/auth/me")).status).toBe(401);
    const device = await t.pair("staff");
    expect((await t.request("/v1/auth/me", { token: device.token })).status).toBe(403);
  });
});
