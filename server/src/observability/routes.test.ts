// /health is liveness, /ready tells the truth about the database, the disk
// and migrations, and /metrics is never anonymous. A really full disk (a
// filled tmpfs) is full-disk.process.test.ts; here a fault-injecting Db
// stands in for hosts that cannot mount one.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/support/test-app.ts";
import { createApp } from "../app.ts";
import type { SqliteDb } from "../db/sqlite/db.ts";
import { sqliteReadinessPort } from "../db/sqlite/maintenance.ts";
import { type ReadinessProbe, readinessProbe } from "./readiness.ts";

let t: TestApp | undefined;
const dirs: string[] = [];
afterEach(async () => {
  await t?.close();
  t = undefined;
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A test app on a SQLite file with the real readiness probe. */
async function fileApp(o: { minFreeBytes?: number } = {}) {
  const dir = mkdtempSync(join(tmpdir(), "sightline-ready-"));
  dirs.push(dir);
  let probe: ReadinessProbe = async () => [];
  t = await createTestApp({ file: join(dir, "sightline.sqlite"), ready: () => probe() });
  const { handle } = t.db as SqliteDb;
  probe = readinessProbe(sqliteReadinessPort(handle), {
    dataDir: dir,
    minFreeBytes: o.minFreeBytes ?? 1024,
  });
  return { t, handle };
}

describe("GET /ready", () => {
  it("is 200 with each check named when the database takes writes and the disk has room", async () => {
    const { t } = await fileApp();
    const res = await t.request("/ready");
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.status).toBe("ready");
    expect(body.checks.map((c: { name: string; ok: boolean }) => [c.name, c.ok])).toEqual([
      ["database", true],
      ["disk", true],
      ["migrations", true],
    ]);
  });

  it("is 503 when free disk is below the configured floor (the real filesystem's figure)", async () => {
    const { t } = await fileApp({ minFreeBytes: Number.MAX_SAFE_INTEGER });
    const res = await t.request("/ready");
    expect(res.status).toBe(503);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    const body = await res.json();
    expect(body.type).toBe("urn:sightline:problem:not-ready");
    expect(body.detail).toMatch(/^disk: \d+ MB free, below the/);
    // Liveness does not follow readiness: the process is fine.
    expect((await t.request("/health")).status).toBe(200);
  });

  it("sign-in on a database that reports SQLITE_FULL (a fault-injecting Db, for hosts without tmpfs) is a 503", async () => {
    t = await createTestApp();
    const real = t.db;
    const full = Object.assign(new Error("database or disk is full"), { code: "SQLITE_FULL" });
    t.deps.db = new Proxy(real, {
      get: (target, key, receiver) =>
        key === "createSession" ? () => Promise.reject(full) : Reflect.get(target, key, receiver),
    });
    // The routes captured deps.db at creation; rebuild on the faulty one.
    const app = createApp(t.deps);
    const res = await app.request("/v1/auth/login", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "admin@example.com", password: "correct horse battery" }),
    });
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe("60");
  });

  it("without a probe (in-memory apps) reports the database answering", async () => {
    t = await createTestApp();
    expect(await (await t.request("/ready")).json()).toMatchObject({
      status: "ready",
      checks: [{ name: "database", ok: true }],
    });
  });
});

describe("GET /metrics", () => {
  it("is 404 when SIGHTLINE_METRICS_TOKEN is unset, even for an admin", async () => {
    t = await createTestApp();
    expect((await t.request("/metrics")).status).toBe(404);
    expect((await t.request("/metrics", { token: t.admin.token })).status).toBe(404);
  });

  it("needs the configured bearer token: none or a wrong one → 401, the right one → Prometheus text", async () => {
    t = await createTestApp({ metricsToken: "scrape-token-0123456789" });
    expect((await t.request("/metrics")).status).toBe(401);
    expect((await t.request("/metrics", { token: "scrape-token-wrong-000" })).status).toBe(401);
    expect((await t.request("/metrics", { token: t.admin.token })).status).toBe(401);
    const ok = await t.request("/metrics", { token: "scrape-token-0123456789" });
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain("# TYPE sightline_http_requests_total counter");
  });
});
