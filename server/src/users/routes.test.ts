// Account lifecycle over HTTP (issue 18): password change, sign out
// everywhere, admins changing role / name / disabled state, deleting a
// person (their work stays, attributed), one-time reset codes, the last
// enabled admin, session lifetime and idle timeout.
import { afterEach, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/support/test-app.ts";

let t: TestApp;
afterEach(() => t?.close());

const PASSWORD = "correct horse battery";

async function status(res: Response) {
  await res.arrayBuffer();
  return res.status;
}
const slugOf = async (res: Response) =>
  ((await res.json()) as { type: string }).type.replace("urn:sightline:problem:", "");

function client() {
  const post = (path: string, token?: string, json: unknown = {}) =>
    t.request(path, { method: "POST", ...(token ? { token } : {}), json });
  const login = async (email: string, password = PASSWORD) =>
    post("/v1/auth/login", undefined, { email, password });
  const token = async (email: string, password = PASSWORD) => {
    const res = await login(email, password);
    expect(res.status).toBe(200);
    return ((await res.json()) as { token: string }).token;
  };
  const me = (tok: string) => t.request("/v1/auth/me", { token: tok });
  const patch = (id: string, json: unknown, tok = t.admin.token) =>
    t.request(`/v1/users/${id}`, { method: "PATCH", token: tok, json });
  return { post, login, token, me, patch };
}

describe("one's own account", () => {
  it("changes the password: wrong current refused, other sessions end, this one stays", async () => {
    t = await createTestApp();
    const { post, login, token, me } = client();
    const v = await t.loginAs("viewer");
    const second = await token(v.email);
    const wrong = await post("/v1/auth/password", v.token, {
      current: "not it at all",
      next: "x".repeat(12),
    });
    expect(wrong.status).toBe(403);
    expect(await slugOf(wrong)).toBe("wrong-password");
    const short = await post("/v1/auth/password", v.token, { current: PASSWORD, next: "short" });
    expect(short.status).toBe(400);
    const next = "a new long passphrase";
    expect(
      await status(await post("/v1/auth/password", v.token, { current: PASSWORD, next })),
    ).toBe(204);
    expect(await status(await me(v.token))).toBe(200);
    expect(await status(await me(second))).toBe(401);
    expect(await status(await login(v.email))).toBe(401);
    expect(await status(await login(v.email, next))).toBe(200);
  });

  it("signs out everywhere, this session included", async () => {
    t = await createTestApp();
    const { post, token, me } = client();
    const v = await t.loginAs("marketer");
    const other = await token(v.email);
    const res = await post("/v1/auth/sign-out-everywhere", v.token);
    expect(res.status).toBe(204);
    expect(res.headers.get("set-cookie")).toMatch(/sightline_session=;/);
    expect(await status(await me(v.token))).toBe(401);
    expect(await status(await me(other))).toBe(401);
    expect(await status(await me(t.admin.token))).toBe(200);
  });
});

describe("admins manage people", () => {
  it("changes role and name; the new role applies to the live session at once", async () => {
    t = await createTestApp();
    const { patch } = client();
    const v = await t.loginAs("viewer");
    expect(await status(await t.request("/v1/users", { token: v.token }))).toBe(403);
    const res = await patch(v.userId, { role: "manager", name: "Lan" });
    expect(await res.json()).toMatchObject({
      id: v.userId,
      role: "manager",
      name: "Lan",
      disabled: false,
    });
    expect(await status(await t.request("/v1/users", { token: v.token }))).toBe(200);
    expect(await status(await patch(v.userId, {}))).toBe(400);
    expect(await status(await patch(v.userId, { role: "owner" }))).toBe(400);
    const m = await t.loginAs("manager");
    expect(await status(await patch(v.userId, { role: "admin" }, m.token))).toBe(403);
  });

  it("disabling stops the person's sessions and extension at once; enabling restores the extension", async () => {
    t = await createTestApp();
    const { patch, login, me, token } = client();
    const m = await t.loginAs("marketer");
    const ext = await t.pair("marketer", { issuerToken: m.token });
    const pullAs = (tok: string, deviceId: string) =>
      t.request("/v1/sync/pull", {
        method: "POST",
        token: tok,
        json: { protocol: 1, deviceId, clientSchema: 1, cookie: null },
      });
    expect(await status(await pullAs(ext.token, ext.deviceId))).toBe(200);
    expect((await (await patch(m.userId, { disabled: true })).json()).disabled).toBe(true);
    expect(await status(await me(m.token))).toBe(401);
    expect(await status(await pullAs(ext.token, ext.deviceId))).toBe(401);
    // Only after the right password does sign-in say "disabled".
    expect(await status(await login(m.email, "not the password"))).toBe(401);
    const refused = await login(m.email);
    expect(refused.status).toBe(403);
    expect(await slugOf(refused)).toBe("account-disabled");
    await patch(m.userId, { disabled: false });
    expect(await status(await pullAs(ext.token, ext.deviceId))).toBe(200);
    expect(await status(await me(await token(m.email)))).toBe(200);
  });

  it("deletes a person: their work stays, attributed to the kept name; their email is free again", async () => {
    t = await createTestApp();
    const { login } = client();
    const m = await t.loginAs("manager");
    await t.request(`/v1/users/${m.userId}`, {
      method: "PATCH",
      token: t.admin.token,
      json: { name: "Hoa" },
    });
    const journal = (await (
      await t.request("/v1/journals", { method: "POST", token: m.token, json: { title: "Giá" } })
    ).json()) as { id: string };
    expect(
      await status(
        await t.request(`/v1/users/${m.userId}`, { method: "DELETE", token: t.admin.token }),
      ),
    ).toBe(204);
    expect(await status(await t.request("/v1/auth/me", { token: m.token }))).toBe(401);
    expect(await status(await login(m.email))).toBe(401);
    const j = (await (
      await t.request(`/v1/journals/${journal.id}`, { token: t.admin.token })
    ).json()) as {
      journal?: { createdBy?: string };
      createdBy?: string;
    };
    expect(JSON.stringify(j)).toContain(m.userId);
    const { items } = (await (await t.request("/v1/users", { token: t.admin.token })).json()) as {
      items: { id: string; name: string; deleted: boolean }[];
    };
    expect(items.find((u) => u.id === m.userId)).toMatchObject({ name: "Hoa", deleted: true });
    expect(
      await status(
        await t.request(`/v1/users/${m.userId}`, { method: "DELETE", token: t.admin.token }),
      ),
    ).toBe(404);
    expect(
      await status(
        await t.request("/v1/users", {
          method: "POST",
          token: t.admin.token,
          json: { email: m.email, password: PASSWORD, role: "viewer" },
        }),
      ),
    ).toBe(201);
  });

  it("never leaves the workspace without an enabled admin", async () => {
    t = await createTestApp();
    const { patch } = client();
    const me = t.admin.userId;
    for (const res of [
      await patch(me, { role: "manager" }),
      await patch(me, { disabled: true }),
      await t.request(`/v1/users/${me}`, { method: "DELETE", token: t.admin.token }),
    ]) {
      expect(res.status).toBe(409);
      expect(await slugOf(res)).toBe("last-admin");
    }
    // A disabled admin does not count: making one and disabling them changes nothing.
    const second = await t.loginAs("admin");
    expect(await status(await patch(second.userId, { disabled: true }))).toBe(200);
    expect(await status(await patch(me, { role: "viewer" }))).toBe(409);
    expect(await status(await patch(second.userId, { disabled: false }))).toBe(200);
    expect(await status(await patch(me, { role: "viewer" }))).toBe(200);
    // Other workspaces' people are not found.
    const other = await t.otherWorkspace();
    expect(await status(await patch(second.userId, { name: "x" }, other.adminToken))).toBe(404);
  });

  it("issues a one-time reset code, shown once; redeeming it sets the password and ends every session", async () => {
    t = await createTestApp();
    const { post, login, me } = client();
    const v = await t.loginAs("staff");
    const issued = await post(`/v1/users/${v.userId}/reset-password`, t.admin.token);
    expect(issued.status).toBe(201);
    const { code, expiresAt } = (await issued.json()) as { code: string; expiresAt: string };
    expect(code).toMatch(/^[0-9A-Z]{12}$/);
    expect(Date.parse(expiresAt)).toBeGreaterThan(Date.now());
    const next = "reset and renewed";
    // Typed with spaces and in lower case, as people do.
    const spaced = `${code.slice(0, 4)} ${code.slice(4, 8)}-${code.slice(8)}`.toLowerCase();
    expect(
      await status(await post("/v1/auth/reset-password", undefined, { code: spaced, next })),
    ).toBe(204);
    expect(await status(await me(v.token))).toBe(401);
    expect(await status(await login(v.email, next))).toBe(200);
    const again = await post("/v1/auth/reset-password", undefined, {
      code,
      next: "once more please",
    });
    expect(again.status).toBe(410);
    expect(await slugOf(again)).toBe("reset-code-invalid");
    expect(await status(await post("/v1/users/nobody/reset-password", t.admin.token))).toBe(404);
  });
});

describe("session lifetime and idle timeout", () => {
  it("ends a session after its lifetime, and one left idle for longer than the timeout", async () => {
    let clock = Date.now();
    t = await createTestApp({
      now: () => new Date(clock),
      sessions: { lifetimeDays: 1, idleMinutes: 30 },
    });
    const { token, me } = client();
    const v = await t.loginAs("viewer");
    const idle = await token(v.email);
    clock += 20 * 60_000;
    expect(await status(await me(v.token))).toBe(200); // used: its idle clock restarts
    clock += 25 * 60_000;
    expect(await status(await me(v.token))).toBe(200);
    expect(await status(await me(idle))).toBe(401); // 45 minutes unused
    for (let i = 0; i < 3; i++) {
      clock += 25 * 60_000;
      expect(await status(await me(v.token))).toBe(200);
    }
    clock += 24 * 3_600_000;
    expect(await status(await me(v.token))).toBe(401); // past its one-day lifetime
  });
});
