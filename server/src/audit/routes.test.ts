// The audit log through the real routes: every event type the HTTP surface
// makes (sign-in and its failure, account changes, password reset, pairing,
// revocation, re-admission, import, export, deletion) leaves one row with
// actor, target, time and address, and no row or answer holds a secret;
// backup and restore are recorded by the CLI through the same recorder.
// GET /v1/audit filters and pages; retention prunes old rows.
import { afterEach, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/support/test-app.ts";
import { createAuditLog, SYSTEM_ACTOR } from "./audit-log.ts";
import { AUDIT_TYPES, type AuditType } from "./event-types.ts";

let t: TestApp;
afterEach(() => t?.close());

const asJson = async (res: Response, status = 200) => {
  const text = await res.text();
  expect(res.status, text).toBe(status);
  return text ? JSON.parse(text) : null;
};

type Row = {
  id: string;
  type: AuditType;
  at: string;
  actorType: string;
  actorId: string | null;
  actorLabel: string | null;
  targetType: string | null;
  targetId: string | null;
  targetLabel: string | null;
  address: string | null;
  detail: Record<string, unknown>;
};

async function everyRow(token: string, query = ""): Promise<{ rows: Row[]; raw: string }> {
  const rows: Row[] = [];
  let raw = "";
  let cursor: string | null = null;
  do {
    const res = await t.request(
      `/v1/audit?limit=3${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`,
      { token },
    );
    const text = await res.text();
    expect(res.status, text).toBe(200);
    raw += text;
    const page = JSON.parse(text) as { items: Row[]; nextCursor: string | null };
    rows.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return { rows, raw };
}

describe("audit log over HTTP", () => {
  it("records a row for each event type, driven through the real routes, never a secret", async () => {
    t = await createTestApp();
    const admin = t.admin.token;
    const secrets = [t.admin.password, admin];
    const post = (path: string, token: string | undefined, json?: unknown) =>
      t.request(path, { method: "POST", ...(token ? { token } : {}), json: json ?? {} });

    // sign-in-failed (a wrong password and an unknown email)
    await asJson(
      await post("/v1/auth/login", undefined, {
        email: "admin@example.com",
        password: "nope-nope",
      }),
      401,
    );
    await asJson(
      await post("/v1/auth/login", undefined, {
        email: "ghost@example.com",
        password: "nope-nope",
      }),
      401,
    );
    // user-created + sign-in
    const m = await t.loginAs("marketer");
    secrets.push(m.token);
    const patch = (json: unknown) =>
      t.request(`/v1/users/${m.userId}`, { method: "PATCH", token: admin, json });
    await asJson(await patch({ role: "manager" })); // role-change
    await asJson(await patch({ disabled: true })); // user-disabled
    await asJson(await patch({ disabled: false })); // user-enabled
    await asJson(await patch({ name: "Mai" })); // user-renamed
    const session = (
      await asJson(
        await post("/v1/auth/login", undefined, { email: m.email, password: t.admin.password }),
      )
    ).token as string;
    secrets.push(session);
    const next = "a brand new passphrase";
    secrets.push(next);
    await asJson(
      await post("/v1/auth/password", session, { current: t.admin.password, next }),
      204,
    );
    await asJson(await post("/v1/auth/sign-out-everywhere", session), 204);
    const { code } = await asJson(await post(`/v1/users/${m.userId}/reset-password`, admin), 201);
    secrets.push(code);
    const afterReset = "after the reset, again";
    secrets.push(afterReset);
    await asJson(await post("/v1/auth/reset-password", undefined, { code, next: afterReset }), 204);
    // pairing, revocation, readmission
    const ext = await t.pair("marketer");
    secrets.push(ext.token);
    await asJson(
      await t.request(`/v1/devices/${ext.deviceId}`, { method: "DELETE", token: admin }),
      204,
    );
    const again = await t.pair("marketer", { deviceId: ext.deviceId });
    secrets.push(again.token);
    // import and export
    await asJson(
      await post("/v1/observations/import", admin, {
        source: "CRM",
        format: "jsonl",
        content: '{"id":"1","at":"2026-03-01T09:00:00+07:00","text":"Hỏi giá"}\nnot json',
        rowIdColumn: "id",
        mapping: { capturedAt: "at", what: "text" },
      }),
    );
    const journal = await asJson(await post("/v1/journals", admin, { title: "Giá" }), 201);
    const exported = await t.request(`/v1/journals/${journal.id}/export?format=json`, {
      token: admin,
    });
    expect(exported.status).toBe(200);
    // deletion (an insight, softly)
    const insight = await asJson(
      await post(`/v1/journals/${journal.id}/insights`, admin, {
        statement: "Giá cao",
        evidence: [],
      }),
      201,
    );
    await asJson(
      await t.request(`/v1/insights/${insight.id}`, { method: "DELETE", token: admin }),
      204,
    );
    // api-key (created, then revoked; the key is a secret)
    const apiKey = await asJson(
      await post("/v1/api-keys", admin, { name: "BI", scope: "read" }),
      201,
    );
    secrets.push(apiKey.key);
    await asJson(
      await t.request(`/v1/api-keys/${apiKey.id}`, { method: "DELETE", token: admin }),
      204,
    );
    // webhook (subscribed, then deleted; the secret never goes in)
    const hook = await asJson(
      await post("/v1/webhooks", admin, {
        url: "https://hooks.example.vn/x",
        secret: "audit-webhook-secret-123",
      }),
      201,
    );
    secrets.push("audit-webhook-secret-123");
    await asJson(
      await t.request(`/v1/webhooks/${hook.id}`, { method: "DELETE", token: admin }),
      204,
    );
    // alert (a rule created; acknowledgements and rule changes: server/src/alerts/routes.test.ts)
    await asJson(
      await post("/v1/alert-rules", admin, { kind: "device-silent", name: "Quiet kiosks" }),
      201,
    );
    // user-deleted
    await asJson(await t.request(`/v1/users/${m.userId}`, { method: "DELETE", token: admin }), 204);
    // backup and restore come from the CLI, through the same recorder.
    const cli = createAuditLog(t.db);
    await cli.record({
      workspaceId: t.workspaceId,
      type: "backup",
      actor: SYSTEM_ACTOR,
      detail: { file: "backup.sqlite" },
    });
    await cli.record({
      workspaceId: t.workspaceId,
      type: "restore",
      actor: SYSTEM_ACTOR,
      detail: { file: "backup.sqlite" },
    });

    const { rows, raw } = await everyRow(admin);
    const seen = new Set(rows.map((r) => r.type));
    // API keys do not exist yet: the type is reserved, nothing makes it.
    expect(AUDIT_TYPES.filter((type) => !seen.has(type))).toEqual([]);
    for (const r of rows) {
      expect(r.at, r.type).toMatch(/^\d{4}-\d\d-\d\dT/);
      expect(r.actorType, r.type).toBeTruthy();
      if (r.actorType !== "system") expect(r.address, r.type).toBe("local");
    }
    const leaked = secrets.filter((s) => raw.includes(s));
    expect(leaked).toEqual([]);
    // Who did what to whom.
    const one = (type: AuditType) => rows.find((r) => r.type === type) as Row;
    expect(one("role-change")).toMatchObject({
      actorType: "user",
      actorLabel: "admin@example.com",
      targetId: m.userId,
      targetLabel: m.email,
      detail: { from: "marketer", to: "manager" },
    });
    expect(one("sign-in-failed")).toMatchObject({
      actorType: "anonymous",
      targetId: t.admin.userId,
    });
    expect(one("password-reset-redeemed")).toMatchObject({ actorId: m.userId, targetId: m.userId });
    expect(one("readmission")).toMatchObject({ targetId: ext.deviceId, actorType: "device" });
    expect(one("revocation")).toMatchObject({ targetId: ext.deviceId, actorId: t.admin.userId });
    expect(one("import").detail).toMatchObject({ created: 1, errorCount: 1 });
    expect(one("export")).toMatchObject({ targetId: journal.id, detail: { format: "json" } });
    expect(one("deletion")).toMatchObject({ targetType: "insight", targetLabel: "Giá cao" });
    expect(one("user-deleted")).toMatchObject({ targetId: m.userId, targetLabel: m.email });
    // The unknown email's failure belongs to no workspace: not in this log.
    expect(rows.filter((r) => r.type === "sign-in-failed")).toHaveLength(1);
    // Newest first, no row twice across pages.
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
    expect(rows.at(-1)?.type).toBe("sign-in");
    expect(rows[0]?.type).toBe("restore");
  });

  it("filters by type, actor and time and refuses a bad filter", async () => {
    t = await createTestApp();
    const admin = t.admin.token;
    const m = await t.loginAs("viewer");
    const signIns = await everyRow(admin, "&type=sign-in");
    expect(signIns.rows.map((r) => r.targetId).sort()).toEqual([t.admin.userId, m.userId].sort());
    const mine = await everyRow(admin, `&actor=${m.userId}`);
    expect(mine.rows.map((r) => r.type)).toEqual(["sign-in"]);
    const future = await everyRow(admin, "&from=2999-01-01T00:00:00Z");
    expect(future.rows).toEqual([]);
    const past = await everyRow(admin, "&to=2000-01-01T00:00:00%2B07:00");
    expect(past.rows).toEqual([]);
    expect((await t.request("/v1/audit?type=coffee", { token: admin })).status).toBe(400);
    expect((await t.request("/v1/audit?limit=5000", { token: admin })).status).toBe(400);
    const manager = await t.loginAs("manager");
    expect((await t.request("/v1/audit", { token: manager.token })).status).toBe(403);
  });

  it("prunes rows older than the retention setting", async () => {
    let clock = Date.now();
    t = await createTestApp({ auditRetentionDays: 30, now: () => new Date(clock) });
    const ws = t.workspaceId;
    const old = await t.db.appendAudit({
      workspaceId: ws,
      type: "sign-in",
      at: new Date(Date.now() - 31 * 86_400_000).toISOString(),
      actorType: "system",
      actorId: null,
      actorLabel: null,
      targetType: null,
      targetId: null,
      targetLabel: null,
      address: null,
      detail: {},
    });
    // The next write an hour after the last pruning prunes on its back.
    clock += 2 * 3_600_000;
    await t.loginAs("viewer");
    const { rows } = await everyRow(t.admin.token);
    expect(rows.map((r) => r.id)).not.toContain(old.id);
    expect(rows.length).toBeGreaterThan(0);
  });
});
