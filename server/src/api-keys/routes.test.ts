// API keys over HTTP (issue 19): created by admins and shown once, listed
// without secrets, used as bearer tokens within their scope, revoked at once,
// stopped with their creator, audited, their last use written at most once a
// minute, and rate limited per key. The full route × scope matrix is in
// server/test/security/authorization-matrix.test.ts.
import { createHash } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/support/test-app.ts";
import type { PostgresDb } from "../db/postgres/db.ts";
import type { SqliteDb } from "../db/sqlite/db.ts";
import { DEFAULT_RATE_LIMITS } from "../middleware/rate-limit/index.ts";
import { isApiKey } from "./key-format.ts";

let t: TestApp;
afterEach(() => t?.close());

type Listed = {
  id: string;
  name: string;
  scope: string;
  hint: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  state: string;
  createdBy: { id: string; label: string };
};

async function createKey(scope: "read" | "import", token = t.admin.token, name = `${scope} key`) {
  const res = await t.request("/v1/api-keys", {
    method: "POST",
    token,
    json: { name, scope },
  });
  expect(res.status, await res.clone().text()).toBe(201);
  expect(res.headers.get("cache-control")).toBe("no-store");
  return (await res.json()) as { id: string; key: string };
}
const list = async () => {
  const res = await t.request("/v1/api-keys", { token: t.admin.token });
  expect(res.status).toBe(200);
  const text = await res.text();
  return { text, items: (JSON.parse(text) as { items: Listed[] }).items };
};
const status = async (res: Response) => {
  await res.arrayBuffer();
  return res.status;
};
/** The api_keys rows as the adapter stored them (SQLite or PostgreSQL). */
async function apiKeyRows(): Promise<Record<string, unknown>[]> {
  const db = t.db as SqliteDb | PostgresDb;
  if (db.dialect === "postgres")
    return [...(await (db as PostgresDb).handle.sql`SELECT * FROM api_keys`)];
  return (db as SqliteDb).handle.db.prepare("SELECT * FROM api_keys").all() as Record<
    string,
    unknown
  >[];
}
const csv = (rows: string[]) =>
  `id,capturedAt,what\n${rows.map((r, i) => `${i + 1},2026-11-20T10:00:00+07:00,${r}`).join("\n")}\n`;

describe("API keys", () => {
  it("are created by admins only, shown once with the slk_ prefix, and listed without secrets", async () => {
    t = await createTestApp();
    const { id, key } = await createKey("read", t.admin.token, "Power BI");
    expect(key.startsWith("slk_")).toBe(true);
    expect(isApiKey(key)).toBe(true);
    const { text, items } = await list();
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      id,
      name: "Power BI",
      scope: "read",
      hint: key.slice(-4),
      lastUsedAt: null,
      revokedAt: null,
      state: "active",
      createdBy: { id: expect.any(String) },
    });
    // Neither the key nor anything longer than its hint appears again.
    expect(text).not.toContain(key);
    expect(text).not.toContain(key.slice(4, 20));

    const manager = await t.loginAs("manager");
    expect(
      await status(
        await t.request("/v1/api-keys", {
          method: "POST",
          token: manager.token,
          json: { name: "x", scope: "read" },
        }),
      ),
    ).toBe(403);
    expect(await status(await t.request("/v1/api-keys", { token: manager.token }))).toBe(403);
    // A key cannot make keys, even a read key reading the key list.
    expect(await status(await t.request("/v1/api-keys", { token: key }))).toBe(403);
    const bad = await t.request("/v1/api-keys", {
      method: "POST",
      token: t.admin.token,
      json: { name: " ", scope: "admin" },
    });
    expect(bad.status).toBe(400);
  });

  it("a read key reads data and nothing else; an import key imports and nothing else", async () => {
    t = await createTestApp();
    const read = await createKey("read");
    const imp = await createKey("import");
    const get = (path: string, token: string) => t.request(path, { token });

    expect(await status(await get("/v1/observations", read.key))).toBe(200);
    expect(await status(await get("/v1/journals", read.key))).toBe(200);
    expect(await status(await get("/v1/analytics/feedback", read.key))).toBe(200);
    expect(await status(await get("/v1/stores", read.key))).toBe(200);
    for (const path of ["/v1/users", "/v1/audit", "/v1/devices", "/v1/auth/me"])
      expect(await status(await get(path, read.key)), path).toBe(403);
    const importBody = {
      source: "pos export",
      format: "csv",
      content: csv(["Khách hỏi giá"]),
      rowIdColumn: "id",
    };
    expect(
      await status(
        await t.request("/v1/observations/import", {
          method: "POST",
          token: read.key,
          json: importBody,
        }),
      ),
    ).toBe(403);

    for (const path of ["/v1/observations", "/v1/journals", "/v1/stores", "/v1/sync/events"])
      expect(await status(await get(path, imp.key)), path).toBe(403);
    const imported = await t.request("/v1/observations/import", {
      method: "POST",
      token: imp.key,
      json: importBody,
    });
    expect(imported.status, await imported.clone().text()).toBe(200);
    const report = await imported.json();
    expect(report, JSON.stringify(report)).toMatchObject({ created: 1 });

    // The rows belong to the admin who made the key; the log names the key.
    const obs = (await (await get("/v1/observations", read.key)).json()) as {
      items: { id: string; what?: string }[];
    };
    const row = obs.items.find((o) => o.what === "Khách hỏi giá");
    const adminId = (await t.db.findUserByEmail(t.admin.email))?.id;
    const owners = (await t.dumpRows()) as { id?: string; owner_id?: string }[];
    expect(owners.find((r) => r.id === row?.id)?.owner_id).toBe(adminId);
    const audit = (await (await get("/v1/audit?type=import", t.admin.token)).json()) as {
      items: { actorType: string; actorId: string; actorLabel: string }[];
    };
    expect(audit.items[0]).toMatchObject({
      actorType: "api-key",
      actorId: imp.id,
      actorLabel: "import key",
    });
  });

  it("a read key may listen for pokes, without the alert count admins get", async () => {
    t = await createTestApp();
    const { key } = await createKey("read");
    /** The stream's opening lines (until the alert count, or 300 ms). */
    const opening = async (token: string) => {
      const res = await t.request("/v1/sync/events", { token });
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toContain("text/event-stream");
      const reader = res.body?.getReader();
      let text = "";
      const until = Date.now() + 300;
      while (reader && Date.now() < until && !text.includes("event: alerts")) {
        const chunk = await Promise.race([
          reader.read(),
          new Promise<{ value?: undefined }>((r) => setTimeout(() => r({}), 50)),
        ]);
        if (chunk.value) text += new TextDecoder().decode(chunk.value);
      }
      await reader?.cancel();
      return text;
    };
    expect(await opening(t.admin.token)).toContain("event: alerts");
    const asKey = await opening(key);
    expect(asKey).toContain(": connected");
    expect(asKey).not.toContain("event: alerts");
  });

  it("is stored as its sha256 only: the row holds the hash and never the key", async () => {
    t = await createTestApp();
    const { id, key } = await createKey("read");
    const rows = await apiKeyRows();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      id,
      key_hash: createHash("sha256").update(key).digest("hex"),
      hint: key.slice(-4),
    });
    // Nowhere in the row: not the key, nor 12 characters of its secret part.
    const row = JSON.stringify(rows[0]);
    expect(row).not.toContain(key);
    for (let i = 4; i + 12 <= key.length - 4; i++) expect(row).not.toContain(key.slice(i, i + 12));
  });

  it("is never taken from the session cookie", async () => {
    t = await createTestApp();
    const { key } = await createKey("read");
    const res = await t.app.request("/v1/observations", {
      headers: { cookie: `sightline_session=${key}` },
    });
    expect(res.status).toBe(401);
  });

  it("revoked → 401 at once, audited once; revoking again is a no-op; unknown → 404", async () => {
    t = await createTestApp();
    const { id, key } = await createKey("read");
    expect(await status(await t.request("/v1/observations", { token: key }))).toBe(200);
    const del = () => t.request(`/v1/api-keys/${id}`, { method: "DELETE", token: t.admin.token });
    expect(await status(await del())).toBe(204);
    const after = await t.request("/v1/observations", { token: key });
    expect(after.status).toBe(401);
    expect(after.headers.get("www-authenticate")).toBe("Bearer");
    expect(await status(await del())).toBe(204);
    expect(
      await status(
        await t.request("/v1/api-keys/no-such-key", { method: "DELETE", token: t.admin.token }),
      ),
    ).toBe(404);
    const { items } = await list();
    expect(items[0]).toMatchObject({ state: "revoked", revokedAt: expect.any(String) });

    const audit = (await (
      await t.request("/v1/audit?type=api-key", { token: t.admin.token })
    ).json()) as {
      items: { detail: Record<string, unknown>; targetId: string; targetLabel: string }[];
    };
    expect(audit.items.map((e) => e.detail.action)).toEqual(["revoked", "created"]);
    expect(audit.items.every((e) => e.targetId === id && e.targetLabel === "read key")).toBe(true);
    expect(JSON.stringify(audit)).not.toContain(key);
  });

  it("stops while its creator is disabled, deleted or no longer an admin", async () => {
    t = await createTestApp();
    const second = await t.loginAs("admin");
    const { key } = await createKey("read", second.token);
    const ok = async () => (await status(await t.request("/v1/journals", { token: key }))) === 200;
    const secondId = second.userId;
    const patch = (json: unknown) =>
      t.request(`/v1/users/${secondId}`, { method: "PATCH", token: t.admin.token, json });
    expect(await ok()).toBe(true);

    expect(await status(await patch({ disabled: true }))).toBe(200);
    expect(await ok()).toBe(false);
    expect((await list()).items[0]?.state).toBe("creator-inactive");
    expect(await status(await patch({ disabled: false }))).toBe(200);
    expect(await ok()).toBe(true);

    expect(await status(await patch({ role: "manager" }))).toBe(200);
    expect(await ok()).toBe(false);
    expect(await status(await patch({ role: "admin" }))).toBe(200);
    expect(await ok()).toBe(true);

    const del = await t.request(`/v1/users/${secondId}`, {
      method: "DELETE",
      token: t.admin.token,
    });
    expect(del.status).toBe(204);
    expect(await ok()).toBe(false);
    expect((await list()).items[0]).toMatchObject({ state: "creator-inactive" });
  });

  it("records the last use at most once a minute", async () => {
    let clock = Date.parse("2026-12-03T08:00:00.000Z");
    t = await createTestApp({ now: () => new Date(clock) });
    const { key } = await createKey("read");
    const lastUsed = async () => (await list()).items[0]?.lastUsedAt;
    await t.request("/v1/stores", { token: key });
    expect(await lastUsed()).toBe("2026-12-03T08:00:00.000Z");
    clock += 30_000;
    await t.request("/v1/stores", { token: key });
    expect(await lastUsed()).toBe("2026-12-03T08:00:00.000Z");
    clock += 31_000;
    await t.request("/v1/stores", { token: key });
    expect(await lastUsed()).toBe("2026-12-03T08:01:01.000Z");
  });

  it("is rate limited per key: one key's burst does not spend another's or its creator's", async () => {
    t = await createTestApp({
      rateLimit: { ...DEFAULT_RATE_LIMITS, perPrincipal: { capacity: 5, perSecond: 0.001 } },
    });
    // Keys are made before the admin's own budget is spent.
    const a = await createKey("read");
    const b = await createKey("read");
    const codes = [];
    for (let i = 0; i < 7; i++)
      codes.push(await status(await t.request("/v1/stores", { token: a.key })));
    expect(codes.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
    expect(codes.slice(5)).toEqual([429, 429]);
    expect(await status(await t.request("/v1/stores", { token: b.key }))).toBe(200);
    expect(await status(await t.request("/v1/stores", { token: t.admin.token }))).toBe(200);
  });
});
