// The authorization matrix, read from the OpenAPI document: for every
// operation and every kind of caller, a caller not on the route's
// `x-sightline-access` list gets 401 (anonymous) or 403 — never data.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Access, USER_ROLES } from "../auth/roles.ts";
import { createTestApp, type TestApp } from "../testing/test-app.ts";

let t: TestApp;
const tokens = new Map<Access, string | null>();

beforeAll(async () => {
  t = await createTestApp();
  tokens.set("anonymous", null);
  for (const role of USER_ROLES)
    tokens.set(role, role === "admin" ? t.admin.token : (await t.loginAs(role)).token);
  tokens.set("device:staff", (await t.pair("staff")).token);
  tokens.set("device:marketer", (await t.pair("marketer")).token);
});
afterAll(() => t?.close());

type Op = { method: string; path: string; access: Access[] };

describe("authorization matrix", () => {
  it("refuses every caller not on a route's access list", async () => {
    const doc = await (await t.request("/v1/openapi.json")).json();
    const ops: Op[] = Object.entries(
      doc.paths as Record<string, Record<string, { "x-sightline-access": Access[] }>>,
    ).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => ({
        method,
        path,
        access: op["x-sightline-access"],
      })),
    );
    let checked = 0;
    for (const op of ops) {
      const url = op.path.replace(/\{[^}]+\}/g, "a".repeat(64));
      for (const [who, token] of tokens) {
        if (op.access.includes(who) || op.access.includes("anonymous")) continue;
        const res = await t.request(url, {
          method: op.method.toUpperCase(),
          ...(token ? { token } : {}),
          ...(["post", "put", "patch"].includes(op.method) ? { json: {} } : {}),
        });
        expect(res.status, `${who} ${op.method} ${op.path}`).toBe(who === "anonymous" ? 401 : 403);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(60);
  });
});
