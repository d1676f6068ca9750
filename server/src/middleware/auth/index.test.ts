// resolvePrincipal + requireAccess on a bare Hono app over a real in-memory
// database: bearer and cookie identities, 401 vs 403, revoked tokens, CSRF.
import { randomUUID } from "node:crypto";
import { Hono } from "hono";
import { afterEach, describe, expect, it } from "vitest";
import { sha256Hex } from "../../auth/tokens.ts";
import { openSqliteDb, type SqliteDb } from "../../db/sqlite/db.ts";
import type { AppEnv } from "../../http/env.ts";
import { HttpProblem, problemResponse } from "../../http/problem.ts";
import { accessOf, principalOf, requireAccess, resolvePrincipal } from "./index.ts";

let db: SqliteDb;
afterEach(() => db?.close());

async function world() {
  db = openSqliteDb(":memory:");
  const ws = await db.createWorkspace("Acme");
  const user = await db.createUser({
    workspaceId: ws.id,
    email: "m@x.vn",
    name: null,
    role: "manager",
    passwordHash: "h",
  });
  const token = randomUUID();
  const expiresAt = new Date(Date.now() + 60_000).toISOString();
  await db.createSession({
    tokenHash: sha256Hex(token),
    userId: user.id,
    workspaceId: ws.id,
    expiresAt,
  });
  const app = new Hono<AppEnv>()
    .use(resolvePrincipal(db, () => new Date()))
    .onError((e) =>
      e instanceof HttpProblem ? problemResponse(e) : new Response(null, { status: 500 }),
    )
    .get("/open", requireAccess(["anonymous"]), (c) => c.text("open"))
    .get("/managers", requireAccess(["admin", "manager"]), (c) => c.text(accessOf(principalOf(c))))
    .post("/managers", requireAccess(["admin", "manager"]), (c) => c.text("written"))
    .get("/admins", requireAccess(["admin"]), (c) => c.text("admin"));
  return { app, token };
}

describe("auth middleware", () => {
  it("resolves a bearer token or the session cookie to the caller", async () => {
    const { app, token } = await world();
    expect(
      await (
        await app.request("/managers", { headers: { authorization: `Bearer ${token}` } })
      ).text(),
    ).toBe("manager");
    expect(
      await (
        await app.request("/managers", { headers: { cookie: `sightline_session=${token}` } })
      ).text(),
    ).toBe("manager");
  });

  it("answers 401 without or with a bad token, 403 for a role not on the list", async () => {
    const { app, token } = await world();
    expect((await app.request("/managers")).status).toBe(401);
    expect(
      (await app.request("/managers", { headers: { authorization: "Bearer nope" } })).status,
    ).toBe(401);
    expect(
      (await app.request("/admins", { headers: { authorization: `Bearer ${token}` } })).status,
    ).toBe(403);
    expect((await app.request("/open", { headers: { authorization: "Bearer nope" } })).status).toBe(
      200,
    );
  });

  it("ignores the cookie on cross-origin writes, but not on same-origin ones", async () => {
    const { app, token } = await world();
    const cookie = `sightline_session=${token}`;
    const foreign = await app.request("/managers", {
      method: "POST",
      headers: { cookie, origin: "https://evil.example" },
    });
    expect(foreign.status).toBe(401);
    const same = await app.request("http://localhost/managers", {
      method: "POST",
      headers: { cookie, origin: "http://localhost" },
    });
    expect(same.status).toBe(200);
  });
});
