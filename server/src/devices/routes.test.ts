// Pairing and device management: codes are single use, expire, fit the
// device kind; revocation takes effect on the next request.
import {
  CLIENT_SCHEMA_VERSION,
  hlcFormat,
  hlcWallMs,
  type Mutation,
  UNSENT_EXPORT_FORMAT,
} from "@sightline/shared";
import { afterEach, describe, expect, it } from "vitest";
import { patch, storeObservation, webObservation } from "../../test/support/mutations.ts";
import {
  createTestApp,
  TEST_STORE,
  type TestApp,
  type TestDevice,
} from "../../test/support/test-app.ts";
import { PAIRING_ALPHABET } from "../auth/tokens.ts";

let t: TestApp;
afterEach(() => t?.close());

const issue = async (t: TestApp, json: unknown, token = t.admin.token) =>
  t.request("/v1/pairing-codes", { method: "POST", token, json });
const pairWith = (
  t: TestApp,
  code: string,
  kind = "extension",
  deviceId: string = crypto.randomUUID(),
) => t.request("/v1/devices/pair", { method: "POST", json: { code, deviceId, kind } });

describe("pairing", () => {
  it("issues 8-character codes from the unambiguous alphabet, valid 15 minutes", async () => {
    const clock = { now: new Date("2026-03-10T08:00:00Z") };
    t = await createTestApp({ now: () => clock.now });
    const res = await issue(t, { role: "marketer", label: "Lan's laptop" });
    expect(res.status).toBe(201);
    const { code, expiresAt } = await res.json();
    expect(code).toMatch(new RegExp(`^[${PAIRING_ALPHABET}]{8}$`));
    expect(expiresAt).toBe("2026-03-10T08:15:00.000Z");
  });

  it("pairs once: a reused code is a 409 problem", async () => {
    t = await createTestApp();
    const { code } = await (await issue(t, { role: "marketer" })).json();
    const first = await pairWith(t, code.toLowerCase());
    expect(first.status).toBe(201);
    expect((await first.json()).device).toMatchObject({
      kind: "extension",
      role: "marketer",
      workspaceId: t.workspaceId,
    });
    const again = await pairWith(t, code);
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({
      type: "urn:sightline:problem:pairing-code-used",
      status: 409,
    });
  });

  it("refuses an expired code (410) and an unknown one (404)", async () => {
    const clock = { now: new Date("2026-03-10T08:00:00Z") };
    t = await createTestApp({ now: () => clock.now });
    const { code } = await (await issue(t, { role: "marketer" })).json();
    clock.now = new Date("2026-03-10T08:15:01Z");
    const expired = await pairWith(t, code);
    expect(expired.status).toBe(410);
    expect((await expired.json()).title).toBe("Pairing code expired");
    expect((await pairWith(t, "ACDEFGHJ")).status).toBe(404);
  });

  it("needs a store of the workspace for staff codes, and the right kind", async () => {
    t = await createTestApp();
    expect((await issue(t, { role: "staff" })).status).toBe(400);
    const other = await t.otherWorkspace();
    expect((await issue(t, { role: "staff", storeId: other.storeId })).status).toBe(400);
    const { code } = await (await issue(t, { role: "staff", storeId: t.storeId })).json();
    expect((await pairWith(t, code, "extension")).status).toBe(400);
    const ok = await pairWith(t, code, "kiosk");
    expect(ok.status).toBe(201);
    expect((await ok.json()).device).toMatchObject({
      kind: "kiosk",
      role: "staff",
      storeId: t.storeId,
    });
  });

  it("lets admins and managers issue any code, a marketer only their own, nobody else", async () => {
    t = await createTestApp();
    const manager = await t.loginAs("manager");
    expect((await issue(t, { role: "marketer" }, manager.token)).status).toBe(201);
    expect((await issue(t, { role: "staff", storeId: t.storeId }, manager.token)).status).toBe(201);
    for (const role of ["staff", "viewer"] as const) {
      const p = await t.loginAs(role);
      expect((await issue(t, { role: "marketer" }, p.token)).status).toBe(403);
    }
  });
});

describe("device identity", () => {
  const pairAs = (t: TestApp, code: string, deviceId: string, kind = "kiosk") =>
    t.request("/v1/devices/pair", { method: "POST", json: { code, deviceId, kind } });
  const staffCode = async (t: TestApp, storeId = t.storeId) =>
    (await (await issue(t, { role: "staff", storeId })).json()).code as string;
  const revoke = (t: TestApp, id: string) =>
    t.request(`/v1/devices/${id}`, { method: "DELETE", token: t.admin.token });

  it("answers a pairing with the device's lastSeq, 0 for a new device", async () => {
    t = await createTestApp();
    const r = await pairAs(t, await staffCode(t), crypto.randomUUID());
    expect(r.status).toBe(201);
    expect((await r.json()).device.lastSeq).toBe(0);
  });

  it("refuses a second pairing with a live device's id (409 device-id-taken); the victim keeps its token and seq line, the code stays usable", async () => {
    t = await createTestApp();
    const victim = await t.pair("staff");
    expect(
      (await t.push(victim, [storeObservation(1, victim), storeObservation(2, victim)])).status,
    ).toBe(200);
    const code = await staffCode(t);
    const takeover = await pairAs(t, code, victim.deviceId);
    expect(takeover.status).toBe(409);
    expect(takeover.headers.get("content-type")).toBe("application/problem+json");
    const problem = await takeover.json();
    expect(problem.type).toMatch(/device-id-taken$/);
    expect(problem).not.toHaveProperty("token");
    // The victim syncs on, on its own seq line.
    const next = await t.push(victim, [storeObservation(3, victim)]);
    expect(next.status).toBe(200);
    expect((await next.json()).lastSeq).toBe(3);
    const list = (await (await t.request("/v1/devices", { token: t.admin.token })).json()).items;
    expect(list).toEqual([expect.objectContaining({ id: victim.deviceId, lastSeq: 3 })]);
    // The code was not used: its honest holder pairs with a fresh id.
    expect((await pairAs(t, code, crypto.randomUUID())).status).toBe(201);
  });

  it("re-admits a revoked device under its id with a new code: its seq line is kept and its queued writes apply", async () => {
    t = await createTestApp();
    const d = await t.pair("staff");
    expect((await t.push(d, [storeObservation(1, d), storeObservation(2, d)])).status).toBe(200);
    expect((await revoke(t, d.deviceId)).status).toBe(204);
    const queued = [storeObservation(3, d), storeObservation(4, d), storeObservation(5, d)];
    expect((await t.push(d, queued)).status).toBe(401);

    const back = await pairAs(t, await staffCode(t), d.deviceId);
    expect(back.status).toBe(201);
    const paired = await back.json();
    expect(paired.device).toMatchObject({ id: d.deviceId, lastSeq: 2, storeId: t.storeId });
    expect((await t.push(d, [storeObservation(3, d)])).status).toBe(401); // the old token
    const again = { ...d, token: paired.token as string };
    const res = await t.push(again, queued);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ lastSeq: 5, rejected: [] });
    expect((await t.dumpAll()).filter((e) => e.createdBy === d.deviceId)).toHaveLength(5);
    const [row] = (await (await t.request("/v1/devices", { token: t.admin.token })).json()).items;
    expect(row).toMatchObject({ id: d.deviceId, lastSeq: 5, revoked: false });
  });

  it("refuses to re-admit a kiosk into another store (409, the code unused)", async () => {
    t = await createTestApp();
    const d = await t.pair("staff");
    await revoke(t, d.deviceId);
    const other = await t.request("/v1/stores", {
      method: "POST",
      token: t.admin.token,
      json: { ...TEST_STORE, name: "Quận 3" },
    });
    const elsewhere = await staffCode(t, (await other.json()).id);
    const res = await pairAs(t, elsewhere, d.deviceId);
    expect(res.status).toBe(409);
    const problem = await res.json();
    expect(problem.type).toMatch(/device-id-taken$/);
    expect(problem.detail).toMatch(/store/);
    expect((await pairAs(t, elsewhere, crypto.randomUUID())).status).toBe(201);
  });

  it("refuses to re-admit an extension for another person, or with a marketer's own code", async () => {
    t = await createTestApp();
    const lan = await t.loginAs("marketer");
    const minh = await t.loginAs("marketer");
    const forLan = await (await issue(t, { role: "marketer", userId: lan.userId })).json();
    const id = crypto.randomUUID();
    expect((await pairAs(t, forLan.code, id, "extension")).status).toBe(201);
    await revoke(t, id);
    const forMinh = await (await issue(t, { role: "marketer", userId: minh.userId })).json();
    const wrong = await pairAs(t, forMinh.code, id, "extension");
    expect(wrong.status).toBe(409);
    expect((await wrong.json()).detail).toMatch(/person/);
    const own = await (await issue(t, { role: "marketer" }, lan.token)).json();
    const self = await pairAs(t, own.code, id, "extension");
    expect(self.status).toBe(409);
    expect((await self.json()).detail).toMatch(/admin or a manager/);
    const right = await (await issue(t, { role: "marketer", userId: lan.userId })).json();
    expect((await pairAs(t, right.code, id, "extension")).status).toBe(201);
  });
});

describe("pairing codes for a person", () => {
  const ownerOf = async (t: TestApp, deviceId: string) =>
    (
      (await (await t.request("/v1/devices", { token: t.admin.token })).json()).items as {
        id: string;
        ownerId: string;
      }[]
    ).find((d) => d.id === deviceId)?.ownerId;

  it("lets a marketer issue a code for their own extension, which then belongs to them", async () => {
    t = await createTestApp();
    const lan = await t.loginAs("marketer");
    const res = await issue(t, { role: "marketer" }, lan.token);
    expect(res.status).toBe(201);
    const { code, expiresAt } = await res.json();
    expect(expiresAt).toEqual(expect.any(String));
    expect((await issue(t, { role: "marketer", userId: lan.userId }, lan.token)).status).toBe(201);
    const deviceId = crypto.randomUUID();
    expect((await pairWith(t, code, "extension", deviceId)).status).toBe(201);
    expect(await ownerOf(t, deviceId)).toBe(lan.userId);
  });

  it("refuses a marketer staff codes and codes for someone else (403)", async () => {
    t = await createTestApp();
    const lan = await t.loginAs("marketer");
    const minh = await t.loginAs("marketer");
    expect((await issue(t, { role: "staff", storeId: t.storeId }, lan.token)).status).toBe(403);
    expect((await issue(t, { role: "marketer", userId: minh.userId }, lan.token)).status).toBe(403);
    expect((await issue(t, { role: "marketer", userId: t.admin.userId }, lan.token)).status).toBe(
      403,
    );
  });

  it("lets an admin issue a code for a named marketer: the extension belongs to that person", async () => {
    t = await createTestApp();
    const lan = await t.loginAs("marketer");
    const { code } = await (await issue(t, { role: "marketer", userId: lan.userId })).json();
    const deviceId = crypto.randomUUID();
    expect((await pairWith(t, code, "extension", deviceId)).status).toBe(201);
    expect(await ownerOf(t, deviceId)).toBe(lan.userId);
    // Without a person the code is the issuer's own.
    const mine = await t.pair("marketer");
    expect(await ownerOf(t, mine.deviceId)).toBe(t.admin.userId);
  });

  it("refuses a person outside the workspace, one whose role does not capture, and a person on a staff code (400)", async () => {
    t = await createTestApp();
    const viewer = await t.loginAs("viewer");
    const staff = await t.loginAs("staff");
    const other = await t.otherWorkspace();
    const otherAdmin = (await (await t.request("/v1/auth/me", { token: other.adminToken })).json())
      .user.id as string;
    for (const userId of [viewer.userId, staff.userId, otherAdmin, crypto.randomUUID()]) {
      const res = await issue(t, { role: "marketer", userId });
      expect(res.status, userId).toBe(400);
      expect((await res.json()).errors).toEqual([expect.objectContaining({ path: "userId" })]);
    }
    const lan = await t.loginAs("marketer");
    expect((await issue(t, { role: "staff", storeId: t.storeId, userId: lan.userId })).status).toBe(
      400,
    );
  });
});

describe("devices", () => {
  it("lists devices with sync health and revokes a token at once (401 next)", async () => {
    t = await createTestApp();
    const d = await t.pair("marketer");
    expect((await t.push(d, [webObservation(1, d)])).status).toBe(200);
    const list = await (await t.request("/v1/devices", { token: t.admin.token })).json();
    expect(list.items).toEqual([
      expect.objectContaining({
        id: d.deviceId,
        lastSeq: 1,
        appVersion: "test",
        revoked: false,
        lastPushAt: expect.any(String),
      }),
    ]);
    expect(
      (await t.request(`/v1/devices/${d.deviceId}`, { method: "DELETE", token: t.admin.token }))
        .status,
    ).toBe(204);
    const after = await t.push(d, [webObservation(2, d)]);
    expect(after.status).toBe(401);
    expect(after.headers.get("content-type")).toBe("application/problem+json");
    const again = await (await t.request("/v1/devices", { token: t.admin.token })).json();
    expect(again.items[0].revoked).toBe(true);
  });

  it("cannot see or revoke another workspace's devices", async () => {
    t = await createTestApp();
    const d = await t.pair("marketer");
    const other = await t.otherWorkspace();
    expect(
      (await (await t.request("/v1/devices", { token: other.adminToken })).json()).items,
    ).toEqual([]);
    expect(
      (await t.request(`/v1/devices/${d.deviceId}`, { method: "DELETE", token: other.adminToken }))
        .status,
    ).toBe(404);
    expect((await t.push(d, [webObservation(1, d)])).status).toBe(200);
  });
});

describe("import unsent data", () => {
  const fileOf = (
    d: TestDevice,
    mutations: Mutation[],
    o: Partial<{ deviceId: string; workspaceId: string; kind: string }> = {},
  ) => ({
    format: UNSENT_EXPORT_FORMAT,
    version: 1,
    deviceId: o.deviceId ?? d.deviceId,
    workspaceId: o.workspaceId ?? d.workspaceId,
    kind: o.kind ?? "kiosk",
    clientSchema: CLIENT_SCHEMA_VERSION,
    appVersion: "kiosk 1.2.3",
    exportedAt: new Date().toISOString(),
    mutations,
  });
  const importAs = (t: TestApp, id: string, json: unknown, token = t.admin.token) =>
    t.request(`/v1/devices/${id}/unsent`, { method: "POST", token, json });
  const revoke = (t: TestApp, id: string) =>
    t.request(`/v1/devices/${id}`, { method: "DELETE", token: t.admin.token });

  it("brings a wrong clock's writes into the window instead of losing them (no client is left to re-stamp)", async () => {
    t = await createTestApp();
    const d = await t.pair("staff");
    expect((await revoke(t, d.deviceId)).status).toBe(204);
    const ahead = Date.now() + 3 * 86_400_000; // the tablet ran three days ahead
    const tap = {
      ...storeObservation(1, d, { capturedAt: new Date(ahead).toISOString() }),
      hlc: hlcFormat({ ms: ahead, counter: 0, node: d.deviceId }),
    };
    const note = {
      ...patch(2, d, tap.id, { note: "kept" }),
      hlc: hlcFormat({ ms: ahead, counter: 1, node: d.deviceId }),
    };
    const res = await importAs(t, d.deviceId, fileOf(d, [tap, note]));
    expect(await res.json()).toMatchObject({ applied: 2, rejected: [] });
    const row = (await t.dumpAll()).find((e) => e.id === tap.id);
    expect(row?.fields.note).toBe("kept");
    expect(Date.parse(String(row?.fields.capturedAt))).toBeLessThanOrEqual(Date.now());
    expect(hlcWallMs(row?.fieldHlc.note)).toBeLessThanOrEqual(Date.now());
  });

  it("applies a revoked kiosk's unsent writes as that device's push; the same file again applies nothing", async () => {
    t = await createTestApp();
    const d = await t.pair("staff");
    expect((await t.push(d, [storeObservation(1, d)])).status).toBe(200);
    expect((await revoke(t, d.deviceId)).status).toBe(204);
    const bad = { ...storeObservation(4, d), fields: { channel: "store" } }; // no store, no what
    const file = fileOf(d, [storeObservation(2, d), storeObservation(3, d), bad]);
    const pokes: number[] = [];
    t.deps.notifier.subscribe(t.workspaceId, (v) => pokes.push(v));

    const first = await importAs(t, d.deviceId, file);
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({
      applied: 2,
      duplicates: 0,
      rejected: [expect.objectContaining({ seq: 4, code: expect.any(String) })],
      lastSeq: 4,
    });
    expect(pokes).toHaveLength(1);
    const mine = (await t.dumpAll()).filter((e) => e.createdBy === d.deviceId).map((e) => e.id);
    expect(mine).toHaveLength(3);
    expect(mine).toEqual(expect.arrayContaining(file.mutations.slice(0, 2).map((m) => m.id)));
    const before = JSON.stringify(await t.dumpRows());

    const second = await importAs(t, d.deviceId, file);
    expect(second.status).toBe(200);
    expect(await second.json()).toEqual({ applied: 0, duplicates: 3, rejected: [], lastSeq: 4 });
    expect(JSON.stringify(await t.dumpRows())).toBe(before);
    expect(pokes).toHaveLength(1);
    const [row] = (await (await t.request("/v1/devices", { token: t.admin.token })).json()).items;
    expect(row).toMatchObject({ lastSeq: 4, revoked: true });
  });

  it("imports an extension's file as its person's writes, and a live device's file too", async () => {
    t = await createTestApp();
    const manager = await t.loginAs("manager");
    const lan = await t.loginAs("marketer");
    const { code } = await (await issue(t, { role: "marketer", userId: lan.userId })).json();
    const deviceId = crypto.randomUUID();
    expect((await pairWith(t, code, "extension", deviceId)).status).toBe(201);
    const d: TestDevice = { deviceId, token: "", workspaceId: t.workspaceId };
    const w = webObservation(1, d);
    const res = await importAs(t, deviceId, fileOf(d, [w], { kind: "extension" }), manager.token);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ applied: 1, lastSeq: 1 });
    const obs = await t.request(`/v1/observations/${w.id}`, { token: lan.token });
    expect(obs.status).toBe(200);
    expect((await obs.json()).createdBy).toBe(deviceId);
  });

  it("answers a file that starts beyond lastSeq + 1 with a seq gap (409), applying nothing", async () => {
    t = await createTestApp();
    const d = await t.pair("staff");
    const res = await importAs(t, d.deviceId, fileOf(d, [storeObservation(3, d)]));
    expect(res.status).toBe(409);
    expect(await res.json()).toEqual({ error: "seq-gap", expectedSeq: 1 });
    expect(await t.dumpAll()).toEqual([]);
  });

  it("refuses a file for another device or workspace (400), an unknown or foreign device (404), and people who are not admins or managers (403)", async () => {
    t = await createTestApp();
    const d = await t.pair("staff");
    const e = await t.pair("staff");
    const one = [storeObservation(1, d)];
    expect((await importAs(t, d.deviceId, fileOf(d, one, { deviceId: e.deviceId }))).status).toBe(
      400,
    );
    const other = await t.otherWorkspace();
    expect(
      (await importAs(t, d.deviceId, fileOf(d, one, { workspaceId: other.workspaceId }))).status,
    ).toBe(400);
    const ghost = crypto.randomUUID();
    expect((await importAs(t, ghost, fileOf(d, one, { deviceId: ghost }))).status).toBe(404);
    // The other workspace's admin, aiming at this workspace's device with its own workspace id.
    const foreign = fileOf(d, one, { workspaceId: other.workspaceId });
    expect((await importAs(t, d.deviceId, foreign, other.adminToken)).status).toBe(404);
    expect((await importAs(t, d.deviceId, fileOf(d, one), other.adminToken)).status).toBe(400);
    expect((await importAs(t, d.deviceId, { ...fileOf(d, one), format: "csv" })).status).toBe(400);
    const marketer = await t.loginAs("marketer");
    expect((await importAs(t, d.deviceId, fileOf(d, one), marketer.token)).status).toBe(403);
    expect((await importAs(t, d.deviceId, fileOf(d, one), d.token)).status).toBe(403);
    expect(await t.dumpAll()).toEqual([]);
  });
});

describe("fleet health", () => {
  const list = async (t: TestApp) =>
    (await (await t.request("/v1/devices", { token: t.admin.token })).json()).items as Record<
      string,
      unknown
    >[];
  const envelope = (d: TestDevice) => ({
    protocol: 1,
    deviceId: d.deviceId,
    clientSchema: 1,
  });

  it("keeps the status a device sends with push and pull, and lists it", async () => {
    const clock = { now: new Date("2026-03-10T08:00:00Z") };
    t = await createTestApp({ now: () => clock.now });
    const d = await t.pair("staff");
    const quiet = await t.pair("staff");
    // Before any report: nulls, not zeros.
    const before = (await list(t)).find((r) => r.id === d.deviceId);
    expect(before).toMatchObject({ unsynced: null, storagePersisted: null, statusAt: null });

    const pushed = await t.request("/v1/sync/push", {
      method: "POST",
      token: d.token,
      json: {
        ...envelope(d),
        appVersion: "kiosk/1.4.0",
        mutations: [storeObservation(1, d)],
        status: {
          unsynced: 7,
          oldestUnsyncedAt: "2026-03-10T07:15:00.000+07:00",
          storagePersisted: false,
        },
      },
    });
    expect(pushed.status).toBe(200);
    let row = (await list(t)).find((r) => r.id === d.deviceId);
    expect(row).toMatchObject({
      unsynced: { count: 7, oldestAt: "2026-03-10T00:15:00.000Z" },
      storagePersisted: false,
      appVersion: "kiosk/1.4.0",
      lastPushAt: "2026-03-10T08:00:00.000Z",
      lastPullAt: null,
      statusAt: "2026-03-10T08:00:00.000Z",
    });

    clock.now = new Date("2026-03-10T08:05:00Z");
    const pulled = await t.request("/v1/sync/pull", {
      method: "POST",
      token: d.token,
      json: {
        ...envelope(d),
        cookie: null,
        status: { unsynced: 0, oldestUnsyncedAt: null, storagePersisted: true },
      },
    });
    expect(pulled.status).toBe(200);
    row = (await list(t)).find((r) => r.id === d.deviceId);
    expect(row).toMatchObject({
      unsynced: { count: 0, oldestAt: null },
      storagePersisted: true,
      lastPullAt: "2026-03-10T08:05:00.000Z",
      statusAt: "2026-03-10T08:05:00.000Z",
    });
    // A device that never reports keeps nulls; an old client without status still syncs.
    expect((await t.pull(quiet, null)).status).toBe(200);
    expect((await list(t)).find((r) => r.id === quiet.deviceId)).toMatchObject({
      unsynced: null,
      storagePersisted: null,
    });
  });

  it("refuses a malformed status (400)", async () => {
    t = await createTestApp();
    const d = await t.pair("staff");
    const res = await t.request("/v1/sync/pull", {
      method: "POST",
      token: d.token,
      json: { ...envelope(d), cookie: null, status: { unsynced: -1, oldestUnsyncedAt: null } },
    });
    expect(res.status).toBe(400);
  });
});
