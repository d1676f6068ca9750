// Pairing and device management: codes are single use, expire, fit the
// device kind; revocation takes effect on the next request.
import { afterEach, describe, expect, it } from "vitest";
import { PAIRING_ALPHABET } from "../auth/tokens.ts";
import { webObservation } from "../testing/mutations.ts";
import { createTestApp, type TestApp } from "../testing/test-app.ts";

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

  it("lets only admins and managers issue codes", async () => {
    t = await createTestApp();
    const marketer = await t.loginAs("marketer");
    expect((await issue(t, { role: "marketer" }, marketer.token)).status).toBe(403);
    const manager = await t.loginAs("manager");
    expect((await issue(t, { role: "marketer" }, manager.token)).status).toBe(201);
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
