// Contract: workspaces, users, sessions, pairing codes and devices.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { ConflictError } from "../../src/db/port.ts";
import { type DbFactory, iso, pushAs, STORE_INPUT, seedWorkspace, storeCreate } from "./fixture.ts";
import { useDb } from "./use-db.ts";

export function peopleContract(make: DbFactory) {
  describe("workspaces, users, sessions", () => {
    const db = useDb(make);

    it("has a stable, non-empty epoch", async () => {
      const e = await db().epoch();
      expect(e.length).toBeGreaterThan(8);
      expect(await db().epoch()).toBe(e);
    });

    it("creates and lists workspaces starting at version 0", async () => {
      const ws = await db().createWorkspace("Acme");
      expect(ws.version).toBe(0);
      expect(await db().getWorkspace(ws.id)).toEqual(ws);
      expect((await db().listWorkspaces()).map((w) => w.id)).toEqual([ws.id]);
      expect(await db().getWorkspace("nope")).toBeNull();
    });

    it("lists a workspace's users by email, never another workspace's", async () => {
      const a = await db().createWorkspace("A");
      const b = await db().createWorkspace("B");
      const user = (workspaceId: string, email: string) =>
        db().createUser({ workspaceId, email, name: null, role: "viewer", passwordHash: "h" });
      const second = await user(a.id, "Zed@a.test");
      await user(b.id, "other@b.test");
      const first = await user(a.id, "amy@a.test");
      expect((await db().listUsers(a.id)).map((u) => u.id)).toEqual([first.id, second.id]);
      expect((await db().listUsers(b.id)).map((u) => u.email)).toEqual(["other@b.test"]);
      expect(await db().listUsers("nope")).toEqual([]);
    });

    it("finds users by email case-insensitively and refuses a taken email", async () => {
      const ws = await db().createWorkspace("Acme");
      const u = {
        workspaceId: ws.id,
        email: "An@Example.com",
        name: "An",
        role: "manager" as const,
        passwordHash: "h",
      };
      const created = await db().createUser(u);
      expect((await db().findUserByEmail("an@example.COM"))?.id).toBe(created.id);
      await expect(db().createUser({ ...u, email: "an@example.com" })).rejects.toBeInstanceOf(
        ConflictError,
      );
    });

    it("resolves a session until it is revoked or expires", async () => {
      const { ws, admin } = await seedWorkspace(db());
      const live = randomUUID();
      const old = randomUUID();
      const now = iso(Date.now());
      await db().createSession({
        tokenHash: live,
        userId: admin.id,
        workspaceId: ws.id,
        expiresAt: iso(Date.now() + 60_000),
      });
      await db().createSession({
        tokenHash: old,
        userId: admin.id,
        workspaceId: ws.id,
        expiresAt: iso(Date.now() - 60_000),
      });
      expect(await db().resolveToken(live, now)).toMatchObject({
        type: "user",
        userId: admin.id,
        role: "admin",
        workspaceId: ws.id,
      });
      expect(await db().resolveToken(old, now)).toBeNull();
      await db().revokeSession(live);
      expect(await db().resolveToken(live, now)).toBeNull();
      expect(await db().resolveToken("unknown", now)).toBeNull();
    });
  });

  describe("pairing and devices", () => {
    const db = useDb(make);

    async function code(role: "staff" | "marketer", expiresInMs = 60_000) {
      const f = await seedWorkspace(db());
      const codeHash = randomUUID();
      await db().createPairingCode({
        workspaceId: f.ws.id,
        codeHash,
        role,
        storeId: role === "staff" ? f.shop.id : null,
        label: "Quầy 1",
        createdBy: f.admin.id,
        expiresAt: iso(Date.now() + expiresInMs),
      });
      return { ...f, codeHash };
    }
    const req = (
      codeHash: string,
      o: Partial<{ deviceId: string; kind: "kiosk" | "extension"; tokenHash: string }> = {},
    ) => ({
      codeHash,
      deviceId: o.deviceId ?? randomUUID(),
      kind: o.kind ?? ("kiosk" as const),
      name: "Tablet",
      origin: null,
      tokenHash: o.tokenHash ?? randomUUID(),
      now: iso(Date.now()),
    });

    it("pairs once per code, bound to role, store and owner", async () => {
      const { codeHash, shop, admin, ws } = await code("staff");
      const tokenHash = randomUUID();
      const r = await db().pairDevice(req(codeHash, { tokenHash }));
      expect(r).toMatchObject({
        ok: true,
        device: {
          kind: "kiosk",
          role: "staff",
          storeId: shop.id,
          ownerId: admin.id,
          lastSeq: 0,
          workspaceId: ws.id,
        },
      });
      expect(await db().resolveToken(tokenHash, iso(Date.now()))).toMatchObject({
        type: "device",
        role: "staff",
        storeId: shop.id,
      });
      expect(await db().pairDevice(req(codeHash))).toEqual({ ok: false, reason: "used" });
    });

    it("refuses unknown and expired codes, and a kind that does not fit the role without using the code", async () => {
      const { codeHash } = await code("marketer");
      expect(await db().pairDevice(req("no-such-code"))).toEqual({
        ok: false,
        reason: "unknown",
      });
      expect(await db().pairDevice(req(codeHash, { kind: "kiosk" }))).toEqual({
        ok: false,
        reason: "kind-mismatch",
      });
      expect((await db().pairDevice(req(codeHash, { kind: "extension" }))).ok).toBe(true);
      const expired = await code("staff", -1);
      expect(await db().pairDevice(req(expired.codeHash))).toEqual({
        ok: false,
        reason: "expired",
      });
    });

    it("lists devices per workspace and revokes a token at once", async () => {
      const a = await seedWorkspace(db(), "A");
      const b = await seedWorkspace(db(), "B");
      const d = await a.pair("staff");
      await b.pair("marketer");
      const list = await db().listDevices(a.ws.id);
      expect(list.map((x) => x.id)).toEqual([d.principal.deviceId]);
      expect(await db().revokeDevice(b.ws.id, d.principal.deviceId, iso(Date.now()))).toBe(false);
      expect(await db().revokeDevice(a.ws.id, d.principal.deviceId, iso(Date.now()))).toBe(true);
      expect(await db().resolveToken(d.tokenHash, iso(Date.now()))).toBeNull();
      expect((await db().listDevices(a.ws.id))[0]?.revokedAt).not.toBeNull();
    });

    /** A fresh code of `f`'s workspace (default: a staff code of its store, issued by its admin). */
    async function issue(
      f: Awaited<ReturnType<typeof seedWorkspace>>,
      o: {
        role?: "staff" | "marketer";
        storeId?: string;
        createdBy?: string;
        forUserId?: string | null;
      } = {},
    ) {
      const role = o.role ?? "staff";
      const codeHash = randomUUID();
      await db().createPairingCode({
        workspaceId: f.ws.id,
        codeHash,
        role,
        storeId: role === "staff" ? (o.storeId ?? f.shop.id) : null,
        label: null,
        createdBy: o.createdBy ?? f.admin.id,
        forUserId: o.forUserId ?? null,
        expiresAt: iso(Date.now() + 60_000),
      });
      return codeHash;
    }
    const person = (f: Awaited<ReturnType<typeof seedWorkspace>>, role: "marketer" | "manager") =>
      db().createUser({
        workspaceId: f.ws.id,
        email: `${role}-${randomUUID()}@example.com`,
        name: null,
        role,
        passwordHash: "h",
      });

    it("refuses a pairing with a live device's id (device-id-taken) and leaves the code unused and the device untouched", async () => {
      const f = await seedWorkspace(db());
      const victim = await f.pair("staff");
      const d = victim.principal;
      expect((await pushAs(db(), d, [storeCreate(1, d), storeCreate(2, d)])).kind).toBe("ok");
      const before = (await db().listDevices(f.ws.id))[0];
      const code = await issue(f);
      const attacker = randomUUID();
      expect(
        await db().pairDevice(req(code, { deviceId: d.deviceId, tokenHash: attacker })),
      ).toEqual({ ok: false, reason: "device-id-taken", why: "in-use" });
      expect(await db().resolveToken(attacker, iso(Date.now()))).toBeNull();
      expect(await db().resolveToken(victim.tokenHash, iso(Date.now()))).toMatchObject({
        deviceId: d.deviceId,
      });
      expect(await db().listDevices(f.ws.id)).toEqual([before]);
      expect(before?.lastSeq).toBe(2);
      // The honest holder of the code pairs with a fresh id.
      const honest = await db().pairDevice(req(code));
      expect(honest).toMatchObject({ ok: true, device: { lastSeq: 0 } });
    });

    it("re-admits a revoked device under its id with a new code: same seq line and row, new token", async () => {
      const f = await seedWorkspace(db());
      const old = await f.pair("staff");
      const d = old.principal;
      expect((await pushAs(db(), d, [storeCreate(1, d), storeCreate(2, d)])).kind).toBe("ok");
      const [before] = await db().listDevices(f.ws.id);
      expect(await db().revokeDevice(f.ws.id, d.deviceId, iso(Date.now()))).toBe(true);
      const tokenHash = randomUUID();
      const r = await db().pairDevice(req(await issue(f), { deviceId: d.deviceId, tokenHash }));
      expect(r).toMatchObject({
        ok: true,
        device: { id: d.deviceId, lastSeq: 2, revokedAt: null, storeId: f.shop.id },
      });
      const [after] = await db().listDevices(f.ws.id);
      expect(after).toMatchObject({
        lastSeq: 2,
        createdAt: before?.createdAt,
        ownerId: before?.ownerId,
        revokedAt: null,
      });
      expect(await db().listDevices(f.ws.id)).toHaveLength(1);
      expect(await db().resolveToken(old.tokenHash, iso(Date.now()))).toBeNull();
      expect(await db().resolveToken(tokenHash, iso(Date.now()))).toMatchObject({
        type: "device",
        deviceId: d.deviceId,
      });
      // Its queued writes carry on the same seq line.
      const out = await pushAs(db(), d, [storeCreate(3, d), storeCreate(4, d)]);
      expect(out).toMatchObject({ kind: "ok", lastSeq: 4, applied: 2 });
    });

    it("re-admits only into the same store, person and kind, with an admin's or manager's code, without using the code otherwise", async () => {
      const f = await seedWorkspace(db());
      const other = await db().createStore(f.ws.id, { ...STORE_INPUT, name: "Quận 3" });
      const lan = await person(f, "marketer");
      const minh = await person(f, "marketer");
      const manager = await person(f, "manager");
      const kiosk = (await f.pair("staff")).principal;
      const ext = await issue(f, { role: "marketer", forUserId: lan.id });
      const extId = randomUUID();
      const paired = await db().pairDevice(req(ext, { deviceId: extId, kind: "extension" }));
      expect(paired).toMatchObject({ ok: true, device: { ownerId: lan.id } });
      for (const id of [kiosk.deviceId, extId])
        await db().revokeDevice(f.ws.id, id, iso(Date.now()));
      const refused = (why: string) => ({ ok: false, reason: "device-id-taken", why });

      const otherStore = await issue(f, { storeId: other.id });
      expect(await db().pairDevice(req(otherStore, { deviceId: kiosk.deviceId }))).toEqual(
        refused("other-store"),
      );
      const asExtension = await issue(f, { role: "marketer", forUserId: lan.id });
      expect(
        await db().pairDevice(req(asExtension, { deviceId: kiosk.deviceId, kind: "extension" })),
      ).toEqual(refused("other-kind"));
      const forMinh = await issue(f, { role: "marketer", forUserId: minh.id });
      expect(await db().pairDevice(req(forMinh, { deviceId: extId, kind: "extension" }))).toEqual(
        refused("other-person"),
      );
      // Lan's own code (a marketer issues codes only for themselves) cannot re-admit.
      const lansOwn = await issue(f, { role: "marketer", createdBy: lan.id });
      expect(await db().pairDevice(req(lansOwn, { deviceId: extId, kind: "extension" }))).toEqual(
        refused("issuer-not-admin"),
      );
      // None of those codes was used: each still pairs a new device.
      for (const [code, kind] of [
        [otherStore, "kiosk"],
        [asExtension, "extension"],
        [forMinh, "extension"],
        [lansOwn, "extension"],
      ] as const)
        expect((await db().pairDevice(req(code, { kind }))).ok).toBe(true);

      const fromManager = await issue(f, {
        role: "marketer",
        createdBy: manager.id,
        forUserId: lan.id,
      });
      expect(
        await db().pairDevice(req(fromManager, { deviceId: extId, kind: "extension" })),
      ).toMatchObject({ ok: true, device: { id: extId, ownerId: lan.id } });
      expect(
        await db().pairDevice(req(await issue(f), { deviceId: kiosk.deviceId })),
      ).toMatchObject({ ok: true, device: { id: kiosk.deviceId, storeId: f.shop.id } });
    });

    it("makes a marketer code's person the extension's owner (the issuer when none is named)", async () => {
      const f = await seedWorkspace(db());
      const lan = await person(f, "marketer");
      const forLan = await issue(f, { role: "marketer", forUserId: lan.id });
      const r = await db().pairDevice(req(forLan, { kind: "extension" }));
      expect(r).toMatchObject({ ok: true, device: { ownerId: lan.id, kind: "extension" } });
      const tokenHash = randomUUID();
      await db().pairDevice(
        req(await issue(f, { role: "marketer" }), { kind: "extension", tokenHash }),
      );
      expect(await db().resolveToken(tokenHash, iso(Date.now()))).toMatchObject({
        ownerId: f.admin.id,
      });
      const kiosk = await db().pairDevice(req(await issue(f)));
      expect(kiosk).toMatchObject({ ok: true, device: { ownerId: f.admin.id } });
    });

    it("reads one device of a workspace, revoked or not", async () => {
      const a = await seedWorkspace(db(), "A");
      const b = await seedWorkspace(db(), "B");
      const d = (await a.pair("staff")).principal;
      expect(await db().getDevice(a.ws.id, d.deviceId)).toMatchObject({
        id: d.deviceId,
        kind: "kiosk",
        storeId: a.shop.id,
        revokedAt: null,
      });
      await db().revokeDevice(a.ws.id, d.deviceId, iso(Date.now()));
      expect((await db().getDevice(a.ws.id, d.deviceId))?.revokedAt).not.toBeNull();
      expect(await db().getDevice(b.ws.id, d.deviceId)).toBeNull();
      expect(await db().getDevice(a.ws.id, randomUUID())).toBeNull();
    });

    it("remembers extension origins for CORS", async () => {
      const { codeHash } = await code("marketer");
      await db().pairDevice({
        ...req(codeHash, { kind: "extension" }),
        origin: "chrome-extension://abcdef",
      });
      expect(await db().listDeviceOrigins()).toContain("chrome-extension://abcdef");
    });
  });
}
