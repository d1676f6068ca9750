// The authorization matrix, generated from the served OpenAPI document: every
// operation × every kind of caller (anonymous, each person role, kiosk,
// extension, revoked devices, a signed-out session, an admin session cookie
// sent cross-site, the admin of another workspace, an API key of each scope,
// a revoked key and a key whose creator was disabled) → allowed (a valid
// request succeeds) or refused with exactly 401/403. Then tenancy: workspace
// A's callers aimed at workspace B's ids get the same answer as for ids that
// exist nowhere, never a byte of B's data, and B's rows do not change — and
// the same from B's admin towards A. A route missing from route-table.ts
// fails the first test, so no new route escapes the matrix.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { changedTables } from "../support/security/db-fingerprint.ts";
import {
  expectedOutcome,
  type Operation,
  operationsOf,
  ROUTES,
  type RouteExpectation,
  send,
} from "../support/security/route-table.ts";
import { type Caller, createWorld, type Tenant, type World } from "../support/security/world.ts";

let w: World;
let ops: Operation[];

beforeAll(async () => {
  w = await createWorld();
  ops = await operationsOf((p) => w.t.request(p));
}, 60_000);
afterAll(async () => {
  await w?.fingerprint.close();
  await w?.close();
});

const expectation = (op: Operation): RouteExpectation => {
  const e = ROUTES[op.key];
  if (!e) throw new Error(`no expected-access entry for ${op.key}`);
  return e;
};
const sorted = (xs: readonly string[]) => [...xs].sort();

describe("authorization matrix (from /v1/openapi.json)", () => {
  it("has an expected-access entry for every operation, agreeing with x-sightline-access", () => {
    const missing = ops.filter((op) => !ROUTES[op.key]).map((op) => op.key);
    expect(missing, "add these operations to server/test/support/security/route-table.ts").toEqual(
      [],
    );
    for (const op of ops) {
      expect(op.access.length, `${op.key} declares no access list`).toBeGreaterThan(0);
      expect(sorted(op.access), op.key).toEqual(sorted(expectation(op).allow));
    }
    const pending = Object.keys(ROUTES).filter((k) => !ops.some((op) => op.key === k));
    if (pending.length) console.warn("route-table entries not (yet) in the document:", pending);
    expect(ops.length).toBeGreaterThanOrEqual(25);
  });

  it("never lets staff (people or kiosks) read observations, journals, analytics or screenshots", () => {
    const reads = ops.filter(
      (op) =>
        /^\/v1\/(observations|journals|insights|actions|analytics|blobs)/.test(op.path) &&
        !op.key.startsWith("PUT /v1/blobs"),
    );
    expect(reads.length).toBeGreaterThan(2);
    for (const op of reads) {
      expect(op.access, op.key).not.toContain("staff");
      expect(op.access, op.key).not.toContain("device:staff");
    }
    // Feedback customers use the kiosk's device token: it may push and pull, nothing more —
    // but for the open alerts of its own store (one-line counts, no observation text) that
    // its staff view shows (docs/alerts.md).
    const kioskOps = ops.filter((op) => op.access.includes("device:staff")).map((op) => op.key);
    expect(sorted(kioskOps)).toEqual(
      sorted([
        "GET /v1/devices/me/alerts",
        "GET /v1/stores",
        "GET /v1/sync/events",
        "POST /v1/sync/push",
        "POST /v1/sync/pull",
        "PUT /v1/blobs/{sha256}",
      ]),
    );
  });

  it("lets a read key only read data and an import key only import", () => {
    const reach = (access: string) =>
      sorted(ops.filter((op) => op.access.includes(access as never)).map((op) => op.key));
    // A BI tool reads what a viewer reads (and the pokes that say data arrived) —
    // never people, devices, audit, API keys, push or pull.
    const read = reach("key:read");
    expect(read.every((k) => k.startsWith("GET "))).toBe(true);
    expect(read.filter((k) => /\/v1\/(users|audit|devices|api-keys|auth|pairing)/.test(k))).toEqual(
      [],
    );
    expect(read.filter((k) => k.includes("/v1/sync/"))).toEqual(["GET /v1/sync/events"]);
    for (const k of read) expect(ROUTES[k]?.allow, k).toContain("viewer");
    expect(reach("key:import")).toEqual(
      sorted(["POST /v1/observations/import", "POST /v1/observations/import/preview"]),
    );
  });

  it("allows exactly the listed callers on every operation and refuses the rest with 401/403", async () => {
    const failures: string[] = [];
    let cells = 0;
    for (const op of ops) {
      const e = expectation(op);
      for (const caller of w.callers) {
        const want = expectedOutcome(op.method, e.allow, caller);
        const req = await e.sample({
          world: w,
          caller,
          target: caller.tenant,
          refs: caller.tenant,
        });
        const res = await send(w, op.method, caller, req);
        cells++;
        const got = res.status;
        const okay = want === "allow" ? got >= 200 && got < 300 : got === want;
        if (!okay)
          failures.push(
            `${caller.name} ${op.key}: want ${want}, got ${got} ${res.text.slice(0, 160)}`,
          );
        if (want !== "allow") {
          expect(res.headers.get("content-type"), `${caller.name} ${op.key}`).toBe(
            "application/problem+json",
          );
          if (want === 401) expect(res.headers.get("www-authenticate")).toBe("Bearer");
        }
      }
    }
    expect(failures).toEqual([]);
    console.log(
      `authorization matrix: ${ops.length} operations × ${w.callers.length} callers = ${cells} cells`,
    );
  }, 120_000);
});

/** Send every authenticated operation as `callers`, aimed at `foreign`, and compare with ghost ids. */
async function crossTenantRun(callers: Caller[], foreign: Tenant) {
  const failures: string[] = [];
  let requests = 0;
  // Samples create what they target the first time it is asked for (a
  // rule with an open alert, in the foreign workspace too): that is the
  // test's doing, not a caller's, so every foreign sample is made once
  // before the foreign workspace is fingerprinted. (Run alone, this case
  // used to count them as changes made by the callers.)
  for (const op of ops)
    for (const caller of callers)
      await expectation(op).sample({ world: w, caller, target: foreign, refs: foreign });
  const before = await w.fingerprint.take(foreign.workspaceId);
  for (const op of ops) {
    const e = expectation(op);
    if (e.allow.includes("anonymous")) continue; // the credential is in the body, not the caller
    for (const caller of callers) {
      const allowed = expectedOutcome(op.method, e.allow, caller) === "allow";
      const own = caller.tenant;
      const variants: [string, Tenant, Tenant][] = [
        ["foreign ids", foreign, foreign],
        ["ghost ids", w.ghost, w.ghost],
        ["own containers, foreign references", own, foreign],
        ["own containers, ghost references", own, w.ghost],
      ];
      const statuses = new Map<string, number>();
      for (const [label, target, refs] of variants) {
        const req = await e.sample({ world: w, caller, target, refs });
        const res = await send(w, op.method, caller, req);
        requests++;
        statuses.set(label, res.status);
        const leaked = foreign.secrets.filter((s) => res.text.includes(s));
        if (leaked.length)
          failures.push(`${caller.name} ${op.key} (${label}) leaked ${leaked.join(", ")}`);
        if (res.status >= 500) failures.push(`${caller.name} ${op.key} (${label}) → ${res.status}`);
      }
      // Foreign ids are answered exactly like ids that exist nowhere: no existence oracle.
      const pairs: [string, string][] = [
        ["foreign ids", "ghost ids"],
        ["own containers, foreign references", "own containers, ghost references"],
      ];
      for (const [x, y] of pairs)
        if (statuses.get(x) !== statuses.get(y))
          failures.push(
            `${caller.name} ${op.key}: ${x} → ${statuses.get(x)} but ${y} → ${statuses.get(y)}`,
          );
      const hasIds = op.path.includes("{");
      const foreignStatus = statuses.get("foreign ids") ?? 0;
      if (allowed && hasIds && !e.foreignIdsMaySucceed && foreignStatus < 400)
        failures.push(`${caller.name} ${op.key} reached the other workspace → ${foreignStatus}`);
    }
  }
  const after = await w.fingerprint.take(foreign.workspaceId);
  return { failures, requests, changed: changedTables(before, after) };
}

describe("tenancy: zero cross-workspace reads or writes", () => {
  it("workspace A's callers never see or change workspace B", async () => {
    const callers = w.callers.filter((c) => c.tenant === w.a);
    const r = await crossTenantRun(callers, w.b);
    expect(r.failures).toEqual([]);
    expect(r.changed, "tables of workspace B changed by A's callers").toEqual([]);
    console.log(`tenancy A→B: ${r.requests} requests, 0 leaks, 0 rows of B changed`);
  }, 120_000);

  it("workspace B's admin never sees or changes workspace A", async () => {
    const callers = w.callers.filter((c) => c.tenant === w.b);
    expect(callers.map((c) => c.name)).toEqual(["other-admin"]);
    const r = await crossTenantRun(callers, w.a);
    expect(r.failures).toEqual([]);
    expect(r.changed, "tables of workspace A changed by B's admin").toEqual([]);
  }, 60_000);

  it("uploading bytes another workspace holds answers 201 like new bytes (no existence oracle)", async () => {
    const before = await w.fingerprint.take(w.b.workspaceId);
    const a = w.callers.find((c) => c.name === "extension") as Caller;
    const put = () =>
      send(w, "PUT", a, {
        path: `/v1/blobs/${w.b.blob.sha256}`,
        body: w.b.blob.bytes,
        headers: { "content-type": "image/png" },
      });
    expect((await put()).status).toBe(201);
    expect((await put()).status).toBe(200); // now A's own copy
    expect(changedTables(before, await w.fingerprint.take(w.b.workspaceId))).toEqual([]);
  });

  it("afterwards, nothing any of A's callers can read holds B's data", async () => {
    const leaks: string[] = [];
    for (const op of ops.filter((o) => o.method === "GET")) {
      const e = expectation(op);
      for (const caller of w.callers.filter((c) => c.tenant === w.a)) {
        if (expectedOutcome(op.method, e.allow, caller) !== "allow") continue;
        const req = await e.sample({ world: w, caller, target: w.a, refs: w.a });
        const res = await send(w, op.method, caller, req);
        expect(res.status, `${caller.name} ${op.key}`).toBeLessThan(300);
        for (const s of w.b.secrets)
          if (res.text.includes(s)) leaks.push(`${caller.name} ${op.key} shows ${s}`);
      }
    }
    expect(leaks).toEqual([]);
  }, 60_000);
});
