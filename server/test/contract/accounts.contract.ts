// Contract: account lifecycle — role, disabled state, name, soft deletion,
// the last enabled admin, passwords, sessions, reset codes, idle sessions,
// and shared rate-limit buckets.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { Db } from "../../src/db/port.ts";
import { type DbFactory, iso, seedWorkspace } from "./fixture.ts";
import { useDb } from "./use-db.ts";

const later = (ms: number) => iso(Date.now() + ms);

async function session(db: Db, workspaceId: string, userId: string) {
  const tokenHash = randomUUID();
  await db.createSession({ tokenHash, userId, workspaceId, expiresAt: later(86_400_000) });
  return tokenHash;
}

export function accountsContract(make: DbFactory) {
  describe("accounts", () => {
    const db = useDb(make);
    const person = (workspaceId: string, role: "admin" | "viewer" | "marketer" = "viewer") =>
      db().createUser({
        workspaceId,
        email: `${randomUUID()}@example.com`,
        name: null,
        role,
        passwordHash: "h0",
      });

    it("changes role and name, and refuses to leave no enabled admin", async () => {
      const { ws, admin } = await seedWorkspace(db());
      const v = await person(ws.id);
      const r = await db().updateUser(
        ws.id,
        v.id,
        { role: "manager", name: "Vy" },
        iso(Date.now()),
      );
      expect(r).toMatchObject({
        ok: true,
        before: { role: "viewer" },
        user: { role: "manager", name: "Vy" },
      });
      const now = iso(Date.now());
      expect(await db().updateUser(ws.id, admin.id, { role: "viewer" }, now)).toEqual({
        ok: false,
        reason: "last-admin",
      });
      expect(await db().updateUser(ws.id, admin.id, { disabled: true }, now)).toEqual({
        ok: false,
        reason: "last-admin",
      });
      expect(await db().deleteUser(ws.id, admin.id, now)).toEqual({
        ok: false,
        reason: "last-admin",
      });
      expect(await db().updateUser(ws.id, "nope", { name: "x" }, now)).toEqual({
        ok: false,
        reason: "not-found",
      });
      // With a second enabled admin, the first may step down.
      await db().updateUser(ws.id, v.id, { role: "admin" }, now);
      expect((await db().updateUser(ws.id, admin.id, { role: "viewer" }, now)).ok).toBe(true);
    });

    it("disabling stops the person's sessions and extensions at once, not the store's kiosks", async () => {
      const { ws, admin, pair } = await seedWorkspace(db());
      const m = await person(ws.id, "marketer");
      const s = await session(db(), ws.id, m.id);
      const ext = await pair("marketer", { ownerId: m.id });
      const kiosk = await pair("staff", { ownerId: m.id });
      const now = iso(Date.now());
      expect(await db().resolveToken(ext.tokenHash, now)).toMatchObject({ type: "device" });
      const r = await db().updateUser(ws.id, m.id, { disabled: true }, now);
      expect(r).toMatchObject({ ok: true, user: { disabledAt: now } });
      expect(await db().resolveToken(s, now)).toBeNull();
      expect(await db().resolveToken(ext.tokenHash, now)).toBeNull();
      expect(await db().resolveToken(kiosk.tokenHash, now)).toMatchObject({ type: "device" });
      await db().updateUser(ws.id, m.id, { disabled: false }, now);
      expect(await db().resolveToken(ext.tokenHash, now)).toMatchObject({ type: "device" });
      // Sessions were revoked, not just hidden: re-enabling does not bring them back.
      expect(await db().resolveToken(s, now)).toBeNull();
      expect(admin.role).toBe("admin");
    });

    it("deletes softly: the row keeps a name, the email is released, nothing resolves", async () => {
      const { ws } = await seedWorkspace(db());
      const v = await person(ws.id);
      const s = await session(db(), ws.id, v.id);
      const now = iso(Date.now());
      const r = await db().deleteUser(ws.id, v.id, now);
      expect(r).toMatchObject({ ok: true, user: { deletedAt: now, name: v.email } });
      expect(await db().resolveToken(s, now)).toBeNull();
      expect(await db().getUser(ws.id, v.id)).toMatchObject({ name: v.email, deletedAt: now });
      expect(await db().findUserByEmail(v.email)).toBeNull();
      await expect(
        db().createUser({
          workspaceId: ws.id,
          email: v.email,
          name: null,
          role: "viewer",
          passwordHash: "h",
        }),
      ).resolves.toMatchObject({ email: v.email });
      expect(await db().deleteUser(ws.id, v.id, now)).toEqual({ ok: false, reason: "not-found" });
    });

    it("sets a password and revokes every other session", async () => {
      const { ws } = await seedWorkspace(db());
      const v = await person(ws.id);
      const keep = await session(db(), ws.id, v.id);
      const other = await session(db(), ws.id, v.id);
      const now = iso(Date.now());
      expect(await db().setPassword(ws.id, v.id, "h1", now, keep)).toBe(true);
      expect((await db().getUser(ws.id, v.id))?.passwordHash).toBe("h1");
      expect(await db().resolveToken(keep, now)).toMatchObject({ userId: v.id });
      expect(await db().resolveToken(other, now)).toBeNull();
      expect(await db().revokeUserSessions(ws.id, v.id, now)).toBe(1);
      expect(await db().resolveToken(keep, now)).toBeNull();
      expect(await db().setPassword(ws.id, "nope", "h", now)).toBe(false);
    });

    it("redeems a reset code once, before it expires, and only the newest", async () => {
      const { ws, admin } = await seedWorkspace(db());
      const v = await person(ws.id);
      const s = await session(db(), ws.id, v.id);
      const code = (c: string, ms = 60_000) =>
        db().createPasswordReset({
          codeHash: c,
          workspaceId: ws.id,
          userId: v.id,
          createdBy: admin.id,
          expiresAt: later(ms),
        });
      await code("old");
      await code("new");
      await code("gone", -1000);
      await code("fresh");
      const now = iso(Date.now());
      expect(await db().redeemPasswordReset("old", "h2", now)).toBeNull();
      expect(await db().redeemPasswordReset("gone", "h2", now)).toBeNull();
      expect(await db().redeemPasswordReset("fresh", "h2", now)).toMatchObject({ id: v.id });
      expect(await db().redeemPasswordReset("fresh", "h3", now)).toBeNull();
      expect((await db().getUser(ws.id, v.id))?.passwordHash).toBe("h2");
      expect(await db().resolveToken(s, now)).toBeNull();
    });

    it("ends a session unused since the idle cut-off", async () => {
      const { ws } = await seedWorkspace(db());
      const v = await person(ws.id);
      const s = await session(db(), ws.id, v.id);
      const now = iso(Date.now());
      expect(await db().resolveToken(s, now, { idleSince: later(-60_000) })).toMatchObject({
        userId: v.id,
      });
      expect(await db().resolveToken(s, now, { idleSince: later(60_000) })).toBeNull();
      // A use more than a minute after the last one moves the idle clock.
      const inTwo = later(120_000);
      expect(await db().resolveToken(s, inTwo, { idleSince: later(-60_000) })).not.toBeNull();
      expect(await db().resolveToken(s, inTwo, { idleSince: later(90_000) })).not.toBeNull();
    });

    it("shares token buckets: capacity at once, then refills with time", async () => {
      const spec = { capacity: 3, perSecond: 1 };
      const t = 1_000_000;
      const takes = [];
      for (let i = 0; i < 4; i++) takes.push(await db().takeRateToken("k", spec, t));
      expect(takes.map((r) => r.ok)).toEqual([true, true, true, false]);
      expect(takes[3]).toEqual({ ok: false, retryAfterSec: 1 });
      expect((await db().takeRateToken("other", spec, t)).ok).toBe(true);
      expect((await db().takeRateToken("k", spec, t + 1000)).ok).toBe(true);
      expect((await db().takeRateToken("k", spec, t + 1000)).ok).toBe(false);
    });
  });
}
