// Account lifecycle on PostgreSQL: role, disabled state and name changes,
// soft deletion, passwords, sessions and one-time reset codes. A change that
// could remove the last enabled admin first locks the workspace's admin rows
// (FOR UPDATE), so two admins demoting each other at once cannot both win.
import type { AccountsDb, UserChangeResult } from "../port.ts";
import type { UserRow } from "../rows/people.ts";
import type { Tx } from "./connect.ts";
import type { PgHandle } from "./handle.ts";
import { toUser } from "./rows.ts";

type ResetRow = { workspace_id: string; user_id: string; expires_at: Date; used_at: Date | null };

export function createAccountsPart({ sql }: PgHandle): AccountsDb {
  const revoke = async (
    tx: Tx | PgHandle["sql"],
    ws: string,
    user: string,
    now: string,
    keep?: string,
  ) => {
    const r = await tx`UPDATE sessions SET revoked_at = ${now}
      WHERE workspace_id = ${ws} AND user_id = ${user} AND revoked_at IS NULL
      ${keep ? tx`AND token_hash <> ${keep}` : tx``}`;
    return r.count;
  };

  /** Lock the workspace's enabled admins and the target; the target's row, or null. */
  async function lockFor(tx: Tx, ws: string, id: string): Promise<UserRow | null> {
    await tx`SELECT id FROM users WHERE workspace_id = ${ws} AND role = 'admin'
      AND disabled_at IS NULL AND deleted_at IS NULL ORDER BY id FOR UPDATE`;
    const [row] = await tx<UserRow[]>`
      SELECT * FROM users WHERE workspace_id = ${ws} AND id = ${id} FOR UPDATE`;
    return row && !row.deleted_at ? row : null;
  }

  async function lastAdmin(tx: Tx, ws: string, id: string, before: UserRow, stillAdmin: boolean) {
    if (before.role !== "admin" || before.disabled_at || stillAdmin) return false;
    const [r] = await tx<{ n: number }[]>`
      SELECT count(*)::int AS n FROM users WHERE workspace_id = ${ws} AND id <> ${id}
        AND role = 'admin' AND disabled_at IS NULL AND deleted_at IS NULL`;
    return (r?.n ?? 0) === 0;
  }

  return {
    async getUser(ws, id) {
      const [r] = await sql<
        UserRow[]
      >`SELECT * FROM users WHERE workspace_id = ${ws} AND id = ${id}`;
      return r ? toUser(r) : null;
    },
    updateUser: (ws, id, c, now) =>
      sql.begin(async (tx): Promise<UserChangeResult> => {
        const row = await lockFor(tx, ws, id);
        if (!row) return { ok: false, reason: "not-found" };
        const role = c.role ?? row.role;
        const disabledAt =
          c.disabled === undefined ? row.disabled_at : c.disabled ? (row.disabled_at ?? now) : null;
        if (await lastAdmin(tx, ws, id, row, role === "admin" && !disabledAt))
          return { ok: false, reason: "last-admin" };
        const name = c.name === undefined ? row.name : c.name;
        const [after] = await tx<UserRow[]>`
          UPDATE users SET role = ${role}, name = ${name},
            disabled_at = ${(disabledAt as string | Date | null) ?? null}
          WHERE workspace_id = ${ws} AND id = ${id} RETURNING *`;
        if (!after) return { ok: false, reason: "not-found" };
        if (disabledAt) await revoke(tx, ws, id, now);
        return { ok: true, before: toUser(row), user: toUser(after) };
      }),
    deleteUser: (ws, id, now) =>
      sql.begin(async (tx): Promise<UserChangeResult> => {
        const row = await lockFor(tx, ws, id);
        if (!row) return { ok: false, reason: "not-found" };
        if (await lastAdmin(tx, ws, id, row, false)) return { ok: false, reason: "last-admin" };
        const [after] = await tx<UserRow[]>`
          UPDATE users SET deleted_at = ${now}, email = ${`deleted-${id}@deleted.invalid`},
            name = ${row.name ?? row.email}
          WHERE workspace_id = ${ws} AND id = ${id} RETURNING *`;
        if (!after) return { ok: false, reason: "not-found" };
        await revoke(tx, ws, id, now);
        return { ok: true, before: toUser(row), user: toUser(after) };
      }),
    setPassword: (ws, id, hash, now, keep) =>
      sql.begin(async (tx) => {
        const r = await tx`UPDATE users SET password_hash = ${hash}
          WHERE workspace_id = ${ws} AND id = ${id} AND deleted_at IS NULL`;
        if (r.count === 0) return false;
        await revoke(tx, ws, id, now, keep);
        return true;
      }),
    revokeUserSessions: (ws, id, now, except) => revoke(sql, ws, id, now, except),
    createPasswordReset: async (r) => {
      await sql.begin(async (tx) => {
        await tx`UPDATE password_resets SET used_at = now() WHERE user_id = ${r.userId} AND used_at IS NULL`;
        await tx`INSERT INTO password_resets (code_hash, workspace_id, user_id, created_by, created_at, expires_at)
          VALUES (${r.codeHash}, ${r.workspaceId}, ${r.userId}, ${r.createdBy}, now(), ${r.expiresAt})`;
      });
    },
    redeemPasswordReset: (codeHash, hash, now) =>
      sql.begin(async (tx) => {
        const [r] = await tx<ResetRow[]>`
          SELECT workspace_id, user_id, expires_at, used_at FROM password_resets
          WHERE code_hash = ${codeHash} FOR UPDATE`;
        if (!r || r.used_at || r.expires_at.getTime() <= Date.parse(now)) return null;
        const [user] = await tx<UserRow[]>`
          UPDATE users SET password_hash = ${hash}
          WHERE workspace_id = ${r.workspace_id} AND id = ${r.user_id}
            AND disabled_at IS NULL AND deleted_at IS NULL
          RETURNING *`;
        if (!user) return null;
        await tx`UPDATE password_resets SET used_at = ${now} WHERE code_hash = ${codeHash}`;
        await revoke(tx, r.workspace_id, r.user_id, now);
        return toUser(user);
      }),
  };
}
