// Contract: workspaces, users, sessions, pairing codes and devices.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { ConflictError } from "../port.ts";
import { iso, type StoreFactory, seedWorkspace } from "./fixture.ts";
import { useStore } from "./use-store.ts";

export function peopleContract(make: StoreFactory) {
  describe("workspaces, users, sessions", () => {
    const store = useStore(make);

    it("has a stable, non-empty epoch", async () => {
      const e = await store().epoch();
      expect(e.length).toBeGreaterThan(8);
      expect(await store().epoch()).toBe(e);
    });

    it("creates and lists workspaces starting at version 0", async () => {
      const ws = await store().createWorkspace("Acme");
      expect(ws.version).toBe(0);
      expect(await store().getWorkspace(ws.id)).toEqual(ws);
      expect((await store().listWorkspaces()).map((w) => w.id)).toEqual([ws.id]);
      expect(await store().getWorkspace("nope")).toBeNull();
    });

    it("lists a workspace's users by email, never another workspace's", async () => {
      const a = await store().createWorkspace("A");
      const b = await store().createWorkspace("B");
      const user = (workspaceId: string, email: string) =>
        store().createUser({ workspaceId, email, name: null, role: "viewer", passwordHash: "h" });
      const second = await user(a.id, "Zed@a.test");
      await user(b.id, "other@b.test");
      const first = await user(a.id, "amy@a.test");
      expect((await store().listUsers(a.id)).map((u) => u.id)).toEqual([first.id, second.id]);
      expect((await store().listUsers(b.id)).map((u) => u.email)).toEqual(["other@b.test"]);
      expect(await store().listUsers("nope")).toEqual([]);
    });

    it("finds users by email case-insensitively and refuses a taken email", async () => {
      const ws = await store().createWorkspace("Acme");
      const u = {
        workspaceId: ws.id,
        email: "An@Example.com",
        name: "An",
        role: "manager" as const,
        passwordHash: "h",
      };
      const created = await store().createUser(u);
      expect((await store().findUserByEmail("an@example.COM"))?.id).toBe(created.id);
      await expect(store().createUser({ ...u, email: "an@example.com" })).rejects.toBeInstanceOf(
        ConflictError,
      );
    });

    it("resolves a session until it is revoked or expires", async () => {
      const { ws, admin } = await seedWorkspace(store());
      const live = randomUUID();
      const old = randomUUID();
      const now = iso(Date.now());
      await store().createSession({
        tokenHash: live,
        userId: admin.id,
        workspaceId: ws.id,
        expiresAt: iso(Date.now() + 60_000),
      });
      await store().createSession({
        tokenHash: old,
        userId: admin.id,
        workspaceId: ws.id,
        expiresAt: iso(Date.now() - 60_000),
      });
      expect(await store().resolveToken(live, now)).toMatchObject({
        type: "user",
        userId: admin.id,
        role: "admin",
        workspaceId: ws.id,
      });
      expect(await store().resolveToken(old, now)).toBeNull();
      await store().revokeSession(live);
      expect(await store().resolveToken(live, now)).toBeNull();
      expect(await store().resolveToken("unknown", now)).toBeNull();
    });
  });

  describe("pairing and devices", () => {
    const store = useStore(make);

    async function code(role: "staff" | "marketer", expiresInMs = 60_000) {
      const f = await seedWorkspace(store());
      const codeHash = randomUUID();
      await store().createPairingCode({
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
      const r = await store().pairDevice(req(codeHash, { tokenHash }));
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
      expect(await store().resolveToken(tokenHash, iso(Date.now()))).toMatchObject({
        type: "device",
        role: "staff",
        storeId: shop.id,
      });
      expect(await store().pairDevice(req(codeHash))).toEqual({ ok: false, reason: "used" });
    });

    it("refuses unknown and expired codes, and a kind that does not fit the role without using the code", async () => {
      const { codeHash } = await code("marketer");
      expect(await store().pairDevice(req("no-such-code"))).toEqual({
        ok: false,
        reason: "unknown",
      });
      expect(await store().pairDevice(req(codeHash, { kind: "kiosk" }))).toEqual({
        ok: false,
        reason: "kind-mismatch",
      });
      expect((await store().pairDevice(req(codeHash, { kind: "extension" }))).ok).toBe(true);
      const expired = await code("staff", -1);
      expect(await store().pairDevice(req(expired.codeHash))).toEqual({
        ok: false,
        reason: "expired",
      });
    });

    it("lists devices per workspace and revokes a token at once", async () => {
      const a = await seedWorkspace(store(), "A");
      const b = await seedWorkspace(store(), "B");
      const d = await a.pair("staff");
      await b.pair("marketer");
      const list = await store().listDevices(a.ws.id);
      expect(list.map((x) => x.id)).toEqual([d.principal.deviceId]);
      expect(await store().revokeDevice(b.ws.id, d.principal.deviceId, iso(Date.now()))).toBe(
        false,
      );
      expect(await store().revokeDevice(a.ws.id, d.principal.deviceId, iso(Date.now()))).toBe(true);
      expect(await store().resolveToken(d.tokenHash, iso(Date.now()))).toBeNull();
      expect((await store().listDevices(a.ws.id))[0]?.revokedAt).not.toBeNull();
    });

    it("re-pairing a device id keeps its lastSeq and replaces its token", async () => {
      const { codeHash, ws, admin, shop } = await code("staff");
      const deviceId = randomUUID();
      const first = randomUUID();
      await store().pairDevice(req(codeHash, { deviceId, tokenHash: first }));
      const second = randomUUID();
      const again = randomUUID();
      await store().createPairingCode({
        workspaceId: ws.id,
        codeHash: again,
        role: "staff",
        storeId: shop.id,
        label: null,
        createdBy: admin.id,
        expiresAt: iso(Date.now() + 60_000),
      });
      const r = await store().pairDevice(req(again, { deviceId, tokenHash: second }));
      expect(r.ok && r.device.id).toBe(deviceId);
      expect(await store().resolveToken(first, iso(Date.now()))).toBeNull();
      expect(await store().resolveToken(second, iso(Date.now()))).not.toBeNull();
      expect(await store().listDevices(ws.id)).toHaveLength(1);
    });

    it("remembers extension origins for CORS", async () => {
      const { codeHash } = await code("marketer");
      await store().pairDevice({
        ...req(codeHash, { kind: "extension" }),
        origin: "chrome-extension://abcdef",
      });
      expect(await store().listDeviceOrigins()).toContain("chrome-extension://abcdef");
    });
  });
}
