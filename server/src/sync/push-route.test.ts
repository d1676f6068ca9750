// POST /v1/sync/push through the real app: round trips, duplicates, gaps,
// poison mutations, atomic prefix, scope.
import { afterEach, describe, expect, it } from "vitest";
import { patch, storeObservation, webObservation } from "../../test/support/mutations.ts";
import { createTestApp, TEST_STORE, type TestApp } from "../../test/support/test-app.ts";

let t: TestApp;
afterEach(() => t?.close());

/** The observation rows as stored, for byte-identical comparisons. */
const dumpRows = (t: TestApp) => t.dumpRows();

describe("POST /v1/sync/push", () => {
  it("round-trips: push creates, pull returns them with the device's lastSeq", async () => {
    t = await createTestApp();
    const kiosk = await t.pair("staff");
    const ms = [storeObservation(1, kiosk), storeObservation(2, kiosk)];
    const res = await t.push(kiosk, ms);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ lastSeq: 2, rejected: [] });
    expect(body.version).toBeGreaterThan(0);
    expect(typeof body.serverTime).toBe("string");
    const pulled = await (await t.pull(kiosk, null)).json();
    expect(pulled.lastSeq).toBe(2);
    expect(pulled.changes.map((c: { entity: { id: string } }) => c.entity.id).sort()).toEqual(
      ms.map((m) => m.id).sort(),
    );
    expect(pulled.config.store.id).toBe(t.storeId);
  });

  it("stores a recorded change's structured before/after and pulls it back unchanged", async () => {
    t = await createTestApp();
    const d = await t.pair("marketer");
    const change = {
      kind: "price",
      role: "discount",
      before: { amount: 200000, currency: "VND" },
      after: { amount: 250000, currency: "VND" },
    };
    const m = webObservation(1, d, { needs: ["price"], evidence: { change } });
    expect(await (await t.push(d, [m])).json()).toMatchObject({ lastSeq: 1, rejected: [] });
    const pulled = await (await t.pull(d, null)).json();
    const entity = pulled.changes.find((c: { entity: { id: string } }) => c.entity.id === m.id);
    expect(entity.entity.fields.evidence).toEqual({ change });
    const bad = webObservation(2, d, { evidence: { change: { ...change, before: { text: 1 } } } });
    const res = await (await t.push(d, [bad])).json();
    expect(res.rejected).toEqual([expect.objectContaining({ seq: 2, code: "invalid" })]);
  });

  it("leaves the database byte-identical when a batch is re-delivered", async () => {
    t = await createTestApp();
    const d = await t.pair("marketer");
    const batch = [webObservation(1, d), webObservation(2, d, { tags: ["sale"] })];
    batch.push(patch(3, d, batch[0]?.id as string, { why: "Tết sắp đến" }));
    const first = await (await t.push(d, batch)).json();
    const before = JSON.stringify(await dumpRows(t));
    const again = await t.push(d, batch);
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ lastSeq: 3, version: first.version, rejected: [] });
    expect(JSON.stringify(await dumpRows(t))).toBe(before);
  });

  it("answers a seq gap with 409 and the expected seq", async () => {
    t = await createTestApp();
    const d = await t.pair("marketer");
    await t.push(d, [webObservation(1, d)]);
    const res = await t.push(d, [webObservation(3, d)]);
    expect(res.status).toBe(409);
    expect(await res.json()).toEqual({ error: "seq-gap", expectedSeq: 2 });
    expect(await t.dumpAll()).toHaveLength(1);
  });

  it("rejects a poison mutation, applies later ones, and repeats the rejection on retry", async () => {
    t = await createTestApp();
    const d = await t.pair("marketer");
    const batch = [webObservation(1, d), webObservation(2, d, { rating: 3 }), webObservation(3, d)];
    const body = await (await t.push(d, batch)).json();
    expect(body.lastSeq).toBe(3);
    expect(body.rejected).toEqual([
      { seq: 2, code: "invalid", message: expect.stringContaining("rating") },
    ]);
    expect(await t.dumpAll()).toHaveLength(2);
    const retry = await (await t.push(d, batch)).json();
    expect(retry.rejected.map((r: { seq: number }) => r.seq)).toEqual([2]);
  });

  it("commits an atomic prefix: seq k is never visible without all seq < k", async () => {
    t = await createTestApp();
    const d = await t.pair("marketer");
    const batch = [webObservation(1, d), webObservation(2, d), webObservation(4, d)];
    const body = await (await t.push(d, batch)).json();
    expect(body.lastSeq).toBe(2);
    const ids = (await t.dumpAll()).map((e) => e.id).sort();
    expect(ids).toEqual([batch[0]?.id, batch[1]?.id].sort());
  });

  it("rejects a kiosk writing another store's observation as forbidden", async () => {
    t = await createTestApp();
    const json = { ...TEST_STORE, name: "Hà Nội" };
    const other = await (
      await t.request("/v1/stores", { method: "POST", token: t.admin.token, json })
    ).json();
    const kiosk = await t.pair("staff");
    const body = await (
      await t.push(kiosk, [storeObservation(1, kiosk, { storeId: other.id })])
    ).json();
    expect(body).toMatchObject({ lastSeq: 1, rejected: [{ seq: 1, code: "forbidden" }] });
    expect(await t.dumpAll()).toEqual([]);
  });

  it("refuses a body whose deviceId is not the token's device (403)", async () => {
    t = await createTestApp();
    const a = await t.pair("marketer");
    const b = await t.pair("marketer");
    const res = await t.push({ ...a, deviceId: b.deviceId }, [webObservation(1, b)]);
    expect(res.status).toBe(403);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
  });

  it("refuses a client schema newer than the server's (400)", async () => {
    t = await createTestApp();
    const d = await t.pair("marketer");
    const res = await t.request("/v1/sync/push", {
      method: "POST",
      token: d.token,
      json: { protocol: 1, deviceId: d.deviceId, clientSchema: 99, appVersion: "x", mutations: [] },
    });
    expect(res.status).toBe(400);
  });
});
