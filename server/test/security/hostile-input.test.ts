// Hostile input on every write operation of the OpenAPI document (POST, PUT,
// PATCH, DELETE), with fast-check: each run takes the route's valid sample
// (route-table.ts) and breaks it — arbitrary JSON, wrong types, huge strings,
// deep nesting, unicode edge cases, markup, prototype-pollution keys, raw
// text, wrong content types, hostile path parameters and query values.
// Every answer is below 500; every 4xx is a problem+json; a refused request
// leaves the whole database byte-identical (fingerprint of every table); a
// sync push that answers 200 writes no mutation it reports as rejected; and
// Object.prototype is never polluted. NUL and lone surrogates (in values and
// in keys) are among the values, so SQLite and PostgreSQL must agree on them:
// postgres.test.ts runs this file again on PostgreSQL (with 40 runs per route
// unless told otherwise: the breadth of values is this file's SQLite run, the
// PostgreSQL run is for what the adapter does with them). Runs per route:
// SIGHTLINE_FUZZ_RUNS (default 100).
import { createHash } from "node:crypto";
import type { Entity } from "@sightline/shared";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { changedTables, type Fingerprint } from "../support/security/db-fingerprint.ts";
import {
  applyPlan,
  type HostileRequest,
  hostileString,
  type Plan,
  planArbitrary,
} from "../support/security/hostile-values.ts";
import {
  expectedOutcome,
  type Operation,
  operationsOf,
  ROUTES,
} from "../support/security/route-table.ts";
import {
  type Caller,
  createWorld,
  pngBytes,
  sha256Hex,
  type World,
} from "../support/security/world.ts";

const RUNS = Number(process.env.SIGHTLINE_FUZZ_RUNS ?? 100);
const WRITE = new Set(["POST", "PUT", "PATCH", "DELETE"]);
const PROTO_KEYS = Object.getOwnPropertyNames(Object.prototype).sort();

let w: World;
let writes: Operation[];
const tally = { runs: 0, status: new Map<number, number>() };

beforeAll(async () => {
  w = await createWorld();
  writes = (await operationsOf((p) => w.t.request(p))).filter((op) => WRITE.has(op.method));
}, 60_000);
afterAll(async () => {
  await w?.fingerprint.close();
  const statuses = Object.fromEntries([...tally.status].sort((a, b) => a[0] - b[0]));
  console.log(
    `hostile input: ${tally.runs} requests over ${writes?.length} write operations; statuses ${JSON.stringify(statuses)}`,
  );
  await w?.close();
});

/** Callers of workspace A allowed on `op` (a cookie from another origin is not one). */
const allowedCallers = (op: Operation): Caller[] =>
  w.callers.filter(
    (c) =>
      c.tenant === w.a &&
      !c.crossSiteCookie &&
      expectedOutcome(op.method, ROUTES[op.key]?.allow ?? [], c) === "allow",
  );

const paramSlots = (template: string) =>
  template
    .split("/")
    .map((seg, i) => (seg.startsWith("{") ? i : -1))
    .filter((i) => i >= 0);

async function sendRaw(
  caller: Caller,
  method: string,
  r: HostileRequest,
  token: string | null = caller.token,
) {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (r.contentType) headers["content-type"] = r.contentType;
  const res = await w.t.app.request(r.path, {
    method,
    headers,
    ...(r.body !== undefined ? { body: r.body } : {}),
  });
  tally.runs++;
  tally.status.set(res.status, (tally.status.get(res.status) ?? 0) + 1);
  return {
    status: res.status,
    type: res.headers.get("content-type") ?? "",
    text: await res.text(),
  };
}

/** A 4xx is a problem+json naming its own status (a seq gap is the protocol's JSON). */
function expectClearRefusal(res: { status: number; type: string; text: string }, what: string) {
  if (res.status === 409 && res.type.startsWith("application/json")) {
    expect(JSON.parse(res.text), what).toMatchObject({ error: "seq-gap" });
    return;
  }
  expect(res.type, what).toBe("application/problem+json");
  const p = JSON.parse(res.text);
  expect(p, what).toMatchObject({ status: res.status, title: expect.any(String) });
  expect(typeof p.detail, what).toBe("string");
}

/**
 * The database as it stands (version and table hashes): fingerprinting every
 * table is the slow part, so the fingerprint redoes it only when something
 * was committed since (db-fingerprint.ts). After a refused request an
 * unchanged version is proof enough that nothing was written; the tables are
 * compared otherwise.
 */
const snapshot = () => w.fingerprint.state();

const byId = (xs: Entity[]) => new Map(xs.map((e) => [e.id, JSON.stringify(e)]));

/**
 * Tables a refused request or a read changed. The audit log is left out on
 * purpose: a refused sign-in and an export are recorded by design (and an
 * audit row is never data a caller reads back as theirs).
 */
const changedData = (before: Fingerprint, after: Fingerprint) =>
  changedTables(before, after).filter((t) => t !== "audit_events");

/** A 200 push wrote only what it did not reject. */
function expectNoRejectedWrite(
  body: string,
  sent: string | undefined,
  before: Entity[],
  after: Entity[],
) {
  const answer = JSON.parse(body) as { rejected: { seq: number }[] };
  let mutations: { seq: number; id: string }[] = [];
  try {
    mutations =
      (JSON.parse(sent ?? "{}") as { mutations?: { seq: number; id: string }[] }).mutations ?? [];
  } catch {
    // a 200 to an unparseable body would already be wrong; the status check says so
  }
  const rejected = new Set(answer.rejected.map((r) => r.seq));
  const accepted = new Set(mutations.filter((m) => !rejected.has(m.seq)).map((m) => m.id));
  const was = byId(before);
  for (const [id, now] of byId(after))
    if (was.get(id) !== now)
      expect(accepted.has(id), `entity ${id} changed by a rejected mutation`).toBe(true);
}

describe("hostile input on every write operation", () => {
  it("covers every write operation of the document", () => {
    const uncovered = writes.filter((op) => allowedCallers(op).length === 0).map((op) => op.key);
    expect(uncovered).toEqual([]);
    expect(writes.length).toBeGreaterThanOrEqual(15);
  });

  it(`answers < 500, refuses clearly and writes nothing on refusal (${RUNS} runs per operation)`, async () => {
    for (const op of writes) {
      const e = ROUTES[op.key];
      if (!e) throw new Error(`no route-table entry for ${op.key}`);
      const callers = allowedCallers(op);
      const slots = paramSlots(op.path);
      const binary = op.key === "PUT /v1/blobs/{sha256}";
      await fc.assert(
        fc.asyncProperty(planArbitrary, fc.nat(), async (plan: Plan, who: number) => {
          const caller = callers[who % callers.length] as Caller;
          if (caller.device) {
            const d = (await w.t.db.listDevices(w.a.workspaceId)).find(
              (x) => x.id === caller.device?.deviceId,
            );
            w.setSeq(caller.device.deviceId, d?.lastSeq ?? 0);
          }
          const sample = await e.sample({ world: w, caller, target: w.a, refs: w.a });
          const req: HostileRequest = binary
            ? hostileBlobRequest(sample.path, plan)
            : applyPlan({ path: sample.path, json: sample.json }, plan, slots);
          const fp = await snapshot();
          const entities = op.key === "POST /v1/sync/push" ? await w.t.dumpAll() : [];
          const res = await sendRaw(caller, op.method, req, sample.token ?? caller.token);
          const what = `${caller.name} ${op.key} ${JSON.stringify(plan).slice(0, 300)} → ${res.status} ${res.text.slice(0, 300)}`;
          expect(res.status, what).toBeLessThan(500);
          expect(res.status, what).toBeGreaterThanOrEqual(200);
          if (res.status >= 400) {
            expectClearRefusal(res, what);
            const after = await snapshot();
            if (after.version !== fp.version)
              expect(changedData(fp.tables, after.tables), what).toEqual([]);
          } else if (op.key === "POST /v1/sync/push" && res.status === 200) {
            const sent = typeof req.body === "string" ? req.body : undefined;
            expectNoRejectedWrite(res.text, sent, entities, await w.t.dumpAll());
          }
          expect(Object.getOwnPropertyNames(Object.prototype).sort(), what).toEqual(PROTO_KEYS);
        }),
        { numRuns: RUNS },
      );
    }
  }, 240_000);
});

describe("hostile input on read operations", () => {
  it(`answers hostile path and query values below 500 and writes nothing (${Math.ceil(RUNS / 4)} runs per operation)`, async () => {
    const reads = (await operationsOf((p) => w.t.request(p))).filter((op) => op.method === "GET");
    for (const op of reads) {
      const e = ROUTES[op.key];
      if (!e) throw new Error(`no route-table entry for ${op.key}`);
      const callers = allowedCallers(op);
      const slots = paramSlots(op.path);
      const plans = fc.oneof(
        fc.record({ kind: fc.constant("param" as const), pick: fc.nat(), value: hostileString }),
        fc.record({
          kind: fc.constant("query" as const),
          key: fc.oneof(
            fc.constantFrom("q", "limit", "cursor", "from", "to", "storeId", "format", "lang"),
            hostileString,
          ),
          value: hostileString,
        }),
      );
      await fc.assert(
        fc.asyncProperty(plans, fc.nat(), async (plan, who) => {
          const caller = callers[who % callers.length] as Caller;
          const sample = await e.sample({ world: w, caller, target: w.a, refs: w.a });
          const before = await snapshot();
          const req = applyPlan({ path: sample.path }, plan, slots);
          const res = await w.t.app.request(req.path, {
            headers: caller.token ? { authorization: `Bearer ${caller.token}` } : {},
          });
          const what = `${caller.name} GET ${req.path.slice(0, 200)} → ${res.status}`;
          const stream = res.headers.get("content-type")?.includes("event-stream");
          if (stream) await res.body?.cancel();
          const text = stream ? "" : await res.text();
          tally.runs++;
          tally.status.set(res.status, (tally.status.get(res.status) ?? 0) + 1);
          expect(res.status, `${what} ${text.slice(0, 200)}`).toBeLessThan(500);
          if (res.status >= 400)
            expectClearRefusal(
              { status: res.status, type: res.headers.get("content-type") ?? "", text },
              what,
            );
          // Reads never write (SSE and pulls are not GETs that store anything
          // here); an export leaves its audit row.
          const after = await snapshot();
          if (after.version !== before.version)
            expect(changedData(before.tables, after.tables), what).toEqual([]);
        }),
        { numRuns: Math.ceil(RUNS / 4) },
      );
    }
  }, 120_000);
});

/** Blob uploads: random bytes, wrong or malformed hashes, wrong content types. */
function hostileBlobRequest(path: string, plan: Plan): HostileRequest {
  const seed = JSON.stringify(plan);
  const n = createHash("sha256").update(seed).digest();
  const png = pngBytes(seed);
  const variants: (() => HostileRequest)[] = [
    () => ({
      path: `/v1/blobs/${sha256Hex(n)}`,
      body: new Uint8Array(n),
      contentType: "image/png",
    }),
    () => ({
      path: `/v1/blobs/${sha256Hex(png).toUpperCase()}`,
      body: png,
      contentType: "image/png",
    }),
    () => ({ path: `/v1/blobs/${sha256Hex(png).slice(1)}`, body: png, contentType: "image/png" }),
    () => ({ path: `/v1/blobs/${"g".repeat(64)}`, body: png, contentType: "image/png" }),
    () => ({ path: `/v1/blobs/${sha256Hex(png)}`, body: png, contentType: "image/svg+xml" }),
    () => ({ path: `/v1/blobs/${sha256Hex(png)}`, body: png, contentType: "text/html" }),
    () => ({ path: `/v1/blobs/${sha256Hex(png)}`, body: png, contentType: "image/jpeg" }),
    () => ({
      path: `/v1/blobs/${sha256Hex(new Uint8Array())}`,
      body: new Uint8Array(),
      contentType: "image/png",
    }),
    () => ({
      path: path.replace(/[0-9a-f]{64}$/, sha256Hex(n)),
      body: png,
      contentType: "image/png",
    }),
    () => applyPlan({ path }, plan, [3]),
  ];
  return (variants[(n[0] as number) % variants.length] as () => HostileRequest)();
}

describe("hostile input: fixed edge cases", () => {
  const caller = (name: string) => w.callers.find((c) => c.name === name) as Caller;

  it("answers an oversize body on every write operation with 413, writing nothing", async () => {
    const limits: Record<string, number> = {
      "POST /v1/sync/push": 1024 * 1024,
      "POST /v1/devices/{id}/unsent": 1024 * 1024,
      "PUT /v1/blobs/{sha256}": 5 * 1024 * 1024,
      "POST /v1/observations/import": 8 * 1024 * 1024,
      "POST /v1/observations/import/preview": 8 * 1024 * 1024,
    };
    for (const op of writes) {
      const c = allowedCallers(op)[0] as Caller;
      const sample = await ROUTES[op.key]?.sample({ world: w, caller: c, target: w.a, refs: w.a });
      const size = (limits[op.key] ?? 256 * 1024) + 1;
      const body = `{"x":"${"a".repeat(size)}"}`;
      const fp = await w.fingerprint.take();
      const res = await sendRaw(
        c,
        op.method,
        {
          path: sample?.path ?? op.path,
          body,
          contentType: op.key.startsWith("PUT /v1/blobs") ? "image/png" : "application/json",
        },
        sample?.token ?? c.token,
      );
      expect(res.status, op.key).toBe(413);
      expectClearRefusal(res, op.key);
      expect(changedTables(fp, await w.fingerprint.take()), op.key).toEqual([]);
    }
  }, 60_000);

  it("caps a streamed push body without a Content-Length", async () => {
    const k = caller("kiosk");
    const chunk = new TextEncoder().encode("a".repeat(64 * 1024));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(ctl) {
        if (sent++ === 0) ctl.enqueue(new TextEncoder().encode('{"protocol":1,"x":"'));
        if (sent > 40) return ctl.close(); // ~2.5 MiB
        ctl.enqueue(chunk);
      },
    });
    const res = await w.t.app.request("/v1/sync/push", {
      method: "POST",
      headers: { authorization: `Bearer ${k.token}`, "content-type": "application/json" },
      body: stream,
      duplex: "half",
    } as RequestInit);
    expect(res.status).toBe(413);
  });

  it("refuses bad hashes, types and sizes on blob upload and stores nothing", async () => {
    const x = caller("extension");
    const png = pngBytes("fixed edge");
    const sha = sha256Hex(png);
    const cases: [HostileRequest, number][] = [
      [
        { path: `/v1/blobs/${sha256Hex(pngBytes("other"))}`, body: png, contentType: "image/png" },
        400,
      ],
      [{ path: `/v1/blobs/${sha.toUpperCase()}`, body: png, contentType: "image/png" }, 400],
      [{ path: `/v1/blobs/${sha}0`, body: png, contentType: "image/png" }, 400],
      [{ path: `/v1/blobs/${sha}`, body: png, contentType: "image/gif" }, 415],
      [{ path: `/v1/blobs/${sha}`, body: png }, 415],
      [{ path: `/v1/blobs/${sha}`, body: png, contentType: "image/webp" }, 400],
      [
        {
          path: `/v1/blobs/${sha256Hex(new TextEncoder().encode("<svg onload=alert(1)>"))}`,
          body: "<svg onload=alert(1)>",
          contentType: "image/png",
        },
        400,
      ],
    ];
    for (const [req, status] of cases) {
      const fp = await w.fingerprint.take();
      const res = await sendRaw(x, "PUT", req);
      expect(res.status, JSON.stringify(req.path)).toBe(status);
      expectClearRefusal(res, req.path);
      expect(changedTables(fp, await w.fingerprint.take())).toEqual([]);
    }
    expect(await w.t.deps.blobs.get(w.a.workspaceId, sha)).toBeNull();
  });

  it("stores markup in text fields as the exact text sent", async () => {
    const x = caller("extension");
    w.setSeq(
      x.device?.deviceId as string,
      (await w.t.db.listDevices(w.a.workspaceId)).find((d) => d.id === x.device?.deviceId)
        ?.lastSeq ?? 0,
    );
    const sample = await ROUTES["POST /v1/sync/push"]?.sample({
      world: w,
      caller: x,
      target: w.a,
      refs: w.a,
    });
    const env = sample?.json as { mutations: { id: string; fields?: Record<string, unknown> }[] };
    const payload = '<img src=x onerror="window.__pwned=1"><script>alert(1)</script>';
    const first = env.mutations[0] as { id: string; fields: Record<string, unknown> };
    first.fields = { ...first.fields, what: payload, who: "javascript:alert(1)" };
    const res = await sendRaw(x, "POST", {
      path: "/v1/sync/push",
      body: JSON.stringify(env),
      contentType: "application/json",
    });
    expect(res.status).toBe(200);
    const got = await (
      await w.t.request(`/v1/observations/${first.id}`, { token: w.a.adminToken })
    ).json();
    expect(got).toMatchObject({ what: payload, who: "javascript:alert(1)" });
  });
});
