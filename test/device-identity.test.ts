// Issue 12, findings 2 and 6, end to end: the real client engine on
// fake-indexeddb against the real app. A takeover (pairing with a victim's
// device id) is refused and the victim keeps syncing; a revoked device keeps
// its queue, and re-admission under the same id sends all of it, once. The
// same file runs on PostgreSQL from sync-invariants.postgres.test.ts.
import "fake-indexeddb/auto";
import { createTestApp, type TestApp } from "@sightline/server/testing";
import { uuidv4, uuidv7 } from "@sightline/shared";
import { afterEach, describe, expect, it } from "vitest";
import { createSimClient, type SimClient } from "./support/sim-client.ts";

let t: TestApp | null = null;
afterEach(async () => {
  await t?.close();
  t = null;
});

async function issueCode(app: TestApp, role: "staff" | "marketer") {
  const res = await app.request("/v1/pairing-codes", {
    method: "POST",
    token: app.admin.token,
    json: role === "staff" ? { role, storeId: app.storeId } : { role },
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { code: string }).code;
}

async function pairWith(app: TestApp, code: string, deviceId: string, kind: "kiosk" | "extension") {
  return app.request("/v1/devices/pair", { method: "POST", json: { code, deviceId, kind } });
}

const tapFields = (app: TestApp, n: number) => ({
  channel: "store",
  method: "shopper-observation",
  capturedAt: new Date().toISOString(),
  storeId: app.storeId,
  what: `Khách hỏi giá #${n}`,
  behaviour: "asked-price",
});

async function kiosk(app: TestApp, deviceId = uuidv4()) {
  const token = { current: "" };
  const res = await pairWith(app, await issueCode(app, "staff"), deviceId, "kiosk");
  expect(res.status).toBe(201);
  token.current = ((await res.json()) as { token: string }).token;
  const client = await createSimClient({
    name: "kiosk",
    deviceId,
    workspaceId: app.workspaceId,
    token: token.current,
    transport: (path, body) => app.handler(path, body, token.current),
  });
  return { client, token };
}

const onServer = async (app: TestApp, c: SimClient) =>
  (await app.dumpAll()).filter((e) => e.createdBy === c.deviceId);

describe("device identity and revocation, real engine on IndexedDB", () => {
  it("a takeover with the victim's id is refused (409 device-id-taken); the victim keeps syncing and loses nothing", async () => {
    t = await createTestApp();
    const app = t;
    const { client: victim } = await kiosk(app);
    for (let n = 1; n <= 5; n++)
      await victim.engine.write({ op: "obs.create", id: uuidv7(), fields: tapFields(app, n) });
    expect((await victim.engine.sync()).ok).toBe(true);
    // The victim queues five more offline, while an attacker tries its id.
    for (let n = 6; n <= 10; n++)
      await victim.engine.write({ op: "obs.create", id: uuidv7(), fields: tapFields(app, n) });
    const attack = await pairWith(app, await issueCode(app, "staff"), victim.deviceId, "kiosk");
    expect(attack.status).toBe(409);
    expect(((await attack.json()) as { type: string }).type).toMatch(/device-id-taken$/);
    expect(await victim.engine.sync()).toMatchObject({ ok: true, pushed: 5 });
    expect((await onServer(app, victim)).length).toBe(10);
    expect((await victim.storage.stats()).unsynced).toBe(0);
  });

  it("revoked: the queue is kept; re-admitted under the same id with a new code, the whole queue goes out once", async () => {
    t = await createTestApp();
    const app = t;
    const { client, token } = await kiosk(app);
    await client.engine.write({ op: "obs.create", id: uuidv7(), fields: tapFields(app, 0) });
    expect((await client.engine.sync()).ok).toBe(true);
    const revoke = await app.request(`/v1/devices/${client.deviceId}`, {
      method: "DELETE",
      token: app.admin.token,
    });
    expect(revoke.status).toBe(204);
    for (let n = 1; n <= 8; n++)
      await client.engine.write({ op: "obs.create", id: uuidv7(), fields: tapFields(app, n) });
    expect(await client.engine.sync()).toMatchObject({ ok: false, failure: "unauthorized" });
    expect((await client.storage.stats()).unsynced).toBe(8);
    // Re-admission: a new code, the same id, the same storage.
    const again = await pairWith(app, await issueCode(app, "staff"), client.deviceId, "kiosk");
    expect(again.status).toBe(201);
    const body = (await again.json()) as { token: string; device: { lastSeq: number } };
    expect(body.device.lastSeq).toBe(1); // the seq line is kept
    token.current = body.token;
    expect(await client.engine.sync()).toMatchObject({ ok: true, pushed: 8 });
    const rows = await onServer(app, client);
    expect(rows.length).toBe(9);
    expect(new Set(rows.map((r) => r.fields.what)).size).toBe(9);
    expect((await client.storage.stats()).unsynced).toBe(0);
  });

  it("a wiped tablet re-admitted under its old id starts after the server's seq line: no new write is taken for a duplicate", async () => {
    t = await createTestApp();
    const app = t;
    const deviceId = uuidv4();
    const { client: old } = await kiosk(app, deviceId);
    for (let n = 1; n <= 3; n++)
      await old.engine.write({ op: "obs.create", id: uuidv7(), fields: tapFields(app, n) });
    expect((await old.engine.sync()).ok).toBe(true);
    await app.request(`/v1/devices/${deviceId}`, { method: "DELETE", token: app.admin.token });
    // Storage wiped; re-admitted with a new code; the fresh storage starts after lastSeq.
    const res = await pairWith(app, await issueCode(app, "staff"), deviceId, "kiosk");
    const body = (await res.json()) as { token: string; device: { lastSeq: number } };
    const fresh = await createSimClient({
      name: "wiped",
      deviceId,
      workspaceId: app.workspaceId,
      token: body.token,
      storage: "memory",
      serverLastSeq: body.device.lastSeq,
      transport: (path, b) => app.handler(path, b, body.token),
    });
    for (let n = 4; n <= 5; n++)
      await fresh.engine.write({ op: "obs.create", id: uuidv7(), fields: tapFields(app, n) });
    expect(await fresh.engine.sync()).toMatchObject({ ok: true, pushed: 2 });
    expect((await onServer(app, fresh)).length).toBe(5);
  });

  it("even a fresh storage that starts at seq 1 under a known id (an older build) loses nothing: the server answers seq-reused, the engine renumbers", async () => {
    t = await createTestApp();
    const app = t;
    const deviceId = uuidv4();
    const { client: old } = await kiosk(app, deviceId);
    for (let n = 1; n <= 3; n++)
      await old.engine.write({ op: "obs.create", id: uuidv7(), fields: tapFields(app, n) });
    expect((await old.engine.sync()).ok).toBe(true);
    await app.request(`/v1/devices/${deviceId}`, { method: "DELETE", token: app.admin.token });
    const res = await pairWith(app, await issueCode(app, "staff"), deviceId, "kiosk");
    const body = (await res.json()) as { token: string };
    const fresh = await createSimClient({
      name: "forgetful",
      deviceId,
      workspaceId: app.workspaceId,
      token: body.token,
      storage: "memory", // init without serverLastSeq: seqs 1, 2 again
      transport: (path, b) => app.handler(path, b, body.token),
    });
    for (let n = 4; n <= 5; n++)
      await fresh.engine.write({ op: "obs.create", id: uuidv7(), fields: tapFields(app, n) });
    expect(await fresh.engine.sync()).toMatchObject({ ok: true, pushed: 2 });
    expect((await onServer(app, fresh)).map((r) => r.fields.what).sort()).toEqual(
      [1, 2, 3, 4, 5].map((n) => `Khách hỏi giá #${n}`),
    );
    expect((await fresh.storage.meta())?.nextSeq).toBe(6);
  });
});
