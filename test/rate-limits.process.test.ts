// Rate limits that fit real networks (issue 18), against real server
// processes with the default limits and real sockets:
// - a store's tablets behind one NAT address load the kiosk app 150 times:
//   no 429, and /health still answers 200 (a load balancer keeps the
//   instance); signed-in callers are limited per token holder, not per
//   address, so two people behind one address do not share a budget;
// - on PostgreSQL two instances draw on the same buckets: password guesses
//   spread over both are cut off after the one budget, not twice it, and so
//   are pairing attempts from one address (the per-address bucket).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createTestSchema, postgresTestTarget, type TestSchema } from "@sightline/server/testing";
import { afterAll, describe, expect, it } from "vitest";
import { ADMIN, type ServerProcess, startServerProcess } from "./support/server-process.ts";

const target = await postgresTestTarget();
const servers: ServerProcess[] = [];
let schema: TestSchema | null = null;
const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => s.dispose()));
  await schema?.drop();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** A built-kiosk stand-in: index.html and one asset. */
function kioskDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "sightline-kiosk-"));
  dirs.push(dir);
  mkdirSync(join(dir, "assets"));
  writeFileSync(join(dir, "index.html"), "<!doctype html><title>kiosk</title>");
  writeFileSync(join(dir, "assets", "app.js"), "console.log('kiosk')");
  return dir;
}

const login = (base: string, email: string, password: string) =>
  fetch(`${base}/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password }),
  });

describe("rate limits on one address", () => {
  it("never limit static files or /health: 150 kiosk loads from one address, then /health is 200", async () => {
    const s = await startServerProcess({ env: { SIGHTLINE_KIOSK_DIR: kioskDir() } });
    servers.push(s);
    const statuses = new Map<number, number>();
    for (let i = 0; i < 150; i++) {
      const path = i % 2 ? "/kiosk/" : "/kiosk/assets/app.js";
      const res = await fetch(`${s.base}${path}`);
      await res.arrayBuffer();
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
    }
    expect(Object.fromEntries(statuses)).toEqual({ 200: 150 });
    for (let i = 0; i < 20; i++) expect((await fetch(`${s.base}/health`)).status).toBe(200);

    // Two signed-in people behind the same address: one spending its budget
    // does not throttle the other, nor anonymous static files and /health.
    const signIn = async (email: string, password: string) =>
      ((await (await login(s.base, email, password)).json()) as { token: string }).token;
    const admin = await signIn(ADMIN.email, ADMIN.password);
    const viewer = { email: "viewer@example.com", password: "viewer password", role: "viewer" };
    const made = await fetch(`${s.base}/v1/users`, {
      method: "POST",
      headers: { authorization: `Bearer ${admin}`, "content-type": "application/json" },
      body: JSON.stringify(viewer),
    });
    expect(made.status).toBe(201);
    const other = await signIn(viewer.email, viewer.password);
    const me = (token: string) =>
      fetch(`${s.base}/v1/auth/me`, { headers: { authorization: `Bearer ${token}` } });
    let limitedAt = 0;
    for (let i = 1; i <= 5000 && limitedAt === 0; i++) {
      const res = await me(admin);
      await res.arrayBuffer();
      if (res.status === 429) limitedAt = i;
    }
    // The per-person budget (600 at once) was spent, and only the admin's.
    expect(limitedAt).toBeGreaterThan(600);
    expect((await me(other)).status).toBe(200);
    expect((await fetch(`${s.base}/kiosk/`)).status).toBe(200);
    expect((await fetch(`${s.base}/health`)).status).toBe(200);
  }, 120_000);
});

describe.skipIf(!target.ok)("rate limits on PostgreSQL, two instances", () => {
  it("share one login budget per account across instances", async () => {
    if (!target.ok) return;
    schema = await createTestSchema(target.url, "sightline_rate");
    const env = { DATABASE_URL: schema.url };
    const [a, b] = await Promise.all([0, 1].map(() => startServerProcess({ env })));
    servers.push(a as ServerProcess, b as ServerProcess);
    const bases = [(a as ServerProcess).base, (b as ServerProcess).base];
    // The default login budget is 10 guesses per account at once. Alternate
    // instances: each alone would see only half of them.
    const statuses: number[] = [];
    for (let i = 0; i < 14; i++) {
      const res = await login(bases[i % 2] as string, ADMIN.email, `wrong guess ${i}`);
      await res.arrayBuffer();
      statuses.push(res.status);
    }
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(statuses.slice(10)).toEqual([429, 429, 429, 429]);
    // Even the right password waits out the shared budget, on either instance.
    for (const base of bases)
      expect((await login(base, ADMIN.email, ADMIN.password)).status).toBe(429);
  }, 120_000);

  it("share one per-address budget for pairing across instances", async () => {
    if (!target.ok) return;
    const shared = await createTestSchema(target.url, "sightline_rate_pair");
    const env = { DATABASE_URL: shared.url };
    const pair = await Promise.all([0, 1].map(() => startServerProcess({ env })));
    servers.push(...pair);
    // A different wrong code each time: each code's own bucket (5) never
    // runs out, so only the per-address budget (60 at once, then one a
    // second) can stop them. Alternating instances, each alone would see 35.
    const started = Date.now();
    const statuses: number[] = [];
    for (let i = 0; i < 70; i++) {
      const res = await fetch(`${(pair[i % 2] as ServerProcess).base}/v1/devices/pair`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ code: `WRONG-${i}`, deviceId: crypto.randomUUID(), kind: "kiosk" }),
      });
      await res.arrayBuffer();
      statuses.push(res.status);
    }
    const refilled = Math.ceil((Date.now() - started) / 1000);
    await Promise.all(pair.map((s) => s.dispose()));
    await shared.drop();
    expect(statuses.slice(0, 60).filter((s) => s === 429)).toEqual([]);
    const allowed = statuses.filter((s) => s !== 429).length;
    expect(allowed).toBeLessThanOrEqual(60 + refilled);
    expect(statuses.at(-1)).toBe(429);
  }, 120_000);
});
