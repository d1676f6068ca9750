// Bad input never gets a 5xx and never writes: malformed JSON, oversize
// bodies, unknown ops, wrong types, 10k-character fields.
import { afterEach, describe, expect, it } from "vitest";
import { webObservation } from "../support/mutations.ts";
import { createTestApp, type TestApp, type TestDevice } from "../support/test-app.ts";

let t: TestApp;
afterEach(() => t?.close());

const envelope = (d: TestDevice, mutations: unknown[]) => ({
  protocol: 1,
  deviceId: d.deviceId,
  clientSchema: 1,
  appVersion: "test",
  mutations,
});
const rawPush = (t: TestApp, d: TestDevice, body: string) =>
  t.request("/v1/sync/push", {
    method: "POST",
    token: d.token,
    body,
    headers: { "content-type": "application/json" },
  });

async function expectProblem(res: Response, status: number) {
  expect(res.status).toBe(status);
  expect(res.headers.get("content-type")).toBe("application/problem+json");
  const body = await res.json();
  expect(body).toMatchObject({
    status,
    title: expect.any(String),
    detail: expect.any(String),
    type: expect.any(String),
  });
  return body;
}

describe("bad input", () => {
  it("answers malformed JSON with 400", async () => {
    t = await createTestApp();
    const d = await t.pair("marketer");
    await expectProblem(await rawPush(t, d, '{"protocol": 1, "mutations": ['), 400);
    const login = await t.request("/v1/auth/login", {
      method: "POST",
      body: "{nope",
      headers: { "content-type": "application/json" },
    });
    await expectProblem(login, 400);
    expect(await t.dumpAll()).toEqual([]);
  });

  it("answers a non-JSON content type with 415", async () => {
    t = await createTestApp();
    const res = await t.request("/v1/auth/login", {
      method: "POST",
      body: "email=a",
      headers: { "content-type": "text/plain" },
    });
    await expectProblem(res, 415);
  });

  it("answers an oversize push (> 1 MiB) and too many mutations (> 500) with 413", async () => {
    t = await createTestApp();
    const d = await t.pair("marketer");
    const big = JSON.stringify(
      envelope(d, [webObservation(1, d, { note: "x".repeat(1024 * 1024) })]),
    );
    await expectProblem(await rawPush(t, d, big), 413);
    const many = Array.from({ length: 501 }, (_, i) => webObservation(i + 1, d));
    await expectProblem(
      await t.request("/v1/sync/push", { method: "POST", token: d.token, json: envelope(d, many) }),
      413,
    );
    const store = await t.request("/v1/stores", {
      method: "POST",
      token: t.admin.token,
      json: { name: "x".repeat(300_000) },
    });
    await expectProblem(store, 413);
    expect(await t.dumpAll()).toEqual([]);
  });

  it("answers an unknown op and wrong types with 400 and per-field errors", async () => {
    t = await createTestApp();
    const d = await t.pair("marketer");
    const unknownOp = { ...webObservation(1, d), op: "obs.explode" };
    const body = await expectProblem(
      await t.request("/v1/sync/push", {
        method: "POST",
        token: d.token,
        json: envelope(d, [unknownOp]),
      }),
      400,
    );
    expect(body.errors).toEqual([expect.objectContaining({ path: "mutations.0.op" })]);
    const wrongTypes = { ...envelope(d, []), protocol: "1", mutations: "none" };
    const w = await expectProblem(
      await t.request("/v1/sync/push", { method: "POST", token: d.token, json: wrongTypes }),
      400,
    );
    expect(w.errors.map((e: { path: string }) => e.path).sort()).toEqual(["mutations", "protocol"]);
    const seq = { ...webObservation(1, d), seq: -1 };
    await expectProblem(
      await t.request("/v1/sync/push", {
        method: "POST",
        token: d.token,
        json: envelope(d, [seq]),
      }),
      400,
    );
    await expectProblem(
      await t.request("/v1/sync/push", {
        method: "POST",
        token: d.token,
        json: { ...envelope(d, []), protocol: 2 },
      }),
      400,
    );
    expect(await t.dumpAll()).toEqual([]);
  });

  it("refuses 10k-character fields: envelope → 400; observation field → rejected, not written", async () => {
    t = await createTestApp();
    const d = await t.pair("marketer");
    const huge = "ư".repeat(10_000);
    await expectProblem(
      await t.request("/v1/sync/push", {
        method: "POST",
        token: d.token,
        json: { ...envelope(d, []), appVersion: huge },
      }),
      400,
    );
    await expectProblem(
      await t.request("/v1/sync/push", {
        method: "POST",
        token: d.token,
        json: envelope(d, [{ ...webObservation(1, d), id: huge }]),
      }),
      400,
    );
    const res = await t.request("/v1/sync/push", {
      method: "POST",
      token: d.token,
      json: envelope(d, [webObservation(1, d, { what: huge })]),
    });
    expect(res.status).toBe(200);
    expect((await res.json()).rejected).toEqual([
      expect.objectContaining({ seq: 1, code: "invalid" }),
    ]);
    const store = await t.request("/v1/stores", {
      method: "POST",
      token: t.admin.token,
      json: { name: huge },
    });
    await expectProblem(store, 400);
    const login = await t.request("/v1/auth/login", {
      method: "POST",
      json: { email: "a@b.co", password: huge },
    });
    await expectProblem(login, 400);
    expect(await t.dumpAll()).toEqual([]);
    expect(
      (await (await t.request("/v1/stores", { token: t.admin.token })).json()).items,
    ).toHaveLength(1);
  });

  it("validates query strings and path params", async () => {
    t = await createTestApp();
    const q = await t.request("/v1/observations?limit=abc&channel=radio&from=yesterday", {
      token: t.admin.token,
    });
    const body = await expectProblem(q, 400);
    expect(body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      "query.channel",
      "query.from",
      "query.limit",
    ]);
    await expectProblem(await t.request("/v1/blobs/not-a-hash", { token: t.admin.token }), 400);
  });
});
