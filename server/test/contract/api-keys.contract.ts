// Contract: API keys — stored by hash, listed per workspace without a
// secret, revoked at once (idempotently), resolved only while unrevoked and
// while the creator is an enabled admin, last use written at most once a
// minute.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { Db, NewApiKey } from "../../src/db/port.ts";
import { type DbFactory, iso, seedWorkspace } from "./fixture.ts";
import { useDb } from "./use-db.ts";

const T0 = Date.parse("2026-03-10T08:00:00.000Z");

async function key(db: Db, o: Partial<NewApiKey> & Pick<NewApiKey, "workspaceId" | "createdBy">) {
  const k: NewApiKey = {
    id: randomUUID(),
    name: "BI",
    scope: "read",
    hint: "abcd",
    keyHash: randomUUID(),
    createdAt: iso(T0),
    ...o,
  };
  return { ...(await db.createApiKey(k)), keyHash: k.keyHash };
}

export function apiKeysContract(make: DbFactory) {
  describe("API keys", () => {
    const db = useDb(make);

    it("creates, lists newest first per workspace, and never returns the hash", async () => {
      const { ws, admin } = await seedWorkspace(db());
      const other = await seedWorkspace(db(), "Other");
      const a = await key(db(), { workspaceId: ws.id, createdBy: admin.id, name: "Metabase" });
      const b = await key(db(), {
        workspaceId: ws.id,
        createdBy: admin.id,
        scope: "import",
        createdAt: iso(T0 + 1000),
      });
      await key(db(), { workspaceId: other.ws.id, createdBy: other.admin.id });
      expect(a).toMatchObject({
        workspaceId: ws.id,
        name: "Metabase",
        scope: "read",
        hint: "abcd",
        createdBy: admin.id,
        createdByLabel: admin.name ?? admin.email,
        createdAt: iso(T0),
        lastUsedAt: null,
        revokedAt: null,
        creatorActive: true,
      });
      const listed = await db().listApiKeys(ws.id);
      expect(listed.map((k) => k.id)).toEqual([b.id, a.id]);
      expect(JSON.stringify(listed)).not.toContain(a.keyHash);
    });

    it("resolves a live key to its principal; unknown and revoked keys to null; revoking is idempotent and per workspace", async () => {
      const { ws, admin } = await seedWorkspace(db());
      const other = await seedWorkspace(db(), "Other");
      const k = await key(db(), { workspaceId: ws.id, createdBy: admin.id, scope: "import" });
      const now = iso(T0);
      expect(await db().resolveApiKey(k.keyHash, now)).toEqual({
        type: "api-key",
        workspaceId: ws.id,
        keyId: k.id,
        name: "BI",
        scope: "import",
        createdBy: admin.id,
      });
      expect(await db().resolveApiKey(randomUUID(), now)).toBeNull();
      // Another workspace cannot revoke it, nor learn it exists.
      expect(await db().revokeApiKey(other.ws.id, k.id, now)).toBeNull();
      expect(await db().resolveApiKey(k.keyHash, now)).not.toBeNull();
      const first = await db().revokeApiKey(ws.id, k.id, now);
      expect(first).toMatchObject({ revokedNow: true, key: { revokedAt: now } });
      expect(await db().resolveApiKey(k.keyHash, now)).toBeNull();
      const again = await db().revokeApiKey(ws.id, k.id, iso(T0 + 5000));
      expect(again).toMatchObject({ revokedNow: false, key: { revokedAt: now } });
      expect(await db().revokeApiKey(ws.id, "missing", now)).toBeNull();
    });

    it("stops while the creator is disabled, deleted or not an admin", async () => {
      const { ws, admin } = await seedWorkspace(db());
      const second = await db().createUser({
        workspaceId: ws.id,
        email: `${randomUUID()}@example.com`,
        name: "Lan",
        role: "admin",
        passwordHash: "h",
      });
      const k = await key(db(), { workspaceId: ws.id, createdBy: second.id });
      const now = iso(T0);
      const live = async () => (await db().resolveApiKey(k.keyHash, now)) !== null;
      const state = async () => (await db().listApiKeys(ws.id))[0]?.creatorActive;
      expect(await live()).toBe(true);
      await db().updateUser(ws.id, second.id, { disabled: true }, now);
      expect([await live(), await state()]).toEqual([false, false]);
      await db().updateUser(ws.id, second.id, { disabled: false }, now);
      expect(await live()).toBe(true);
      await db().updateUser(ws.id, second.id, { role: "manager" }, now);
      expect([await live(), await state()]).toEqual([false, false]);
      await db().updateUser(ws.id, second.id, { role: "admin" }, now);
      expect(await live()).toBe(true);
      await db().deleteUser(ws.id, second.id, now);
      expect([await live(), await state()]).toEqual([false, false]);
      // The listing keeps the creator's name after they are gone.
      expect((await db().listApiKeys(ws.id))[0]?.createdByLabel).toBe("Lan");
      expect(admin.role).toBe("admin");
    });

    it("writes the last use at most once a minute", async () => {
      const { ws, admin } = await seedWorkspace(db());
      const k = await key(db(), { workspaceId: ws.id, createdBy: admin.id });
      const lastUsed = async () => (await db().listApiKeys(ws.id))[0]?.lastUsedAt;
      await db().resolveApiKey(k.keyHash, iso(T0));
      expect(await lastUsed()).toBe(iso(T0));
      await db().resolveApiKey(k.keyHash, iso(T0 + 59_000));
      expect(await lastUsed()).toBe(iso(T0));
      await db().resolveApiKey(k.keyHash, iso(T0 + 60_000));
      expect(await lastUsed()).toBe(iso(T0 + 60_000));
    });
  });
}
