// Account lifecycle on SQLite: role, disabled state and name changes, soft
// deletion, passwords, sessions and one-time reset codes. Each change runs
// in one IMMEDIATE transaction (the single writer), so the "last enabled
// admin" check and the write cannot be split by another change.
import type { AccountsDb, UserChangeResult, UserChanges } from "../port.ts";
import type { UserRow } from "../rows/people.ts";
import type { SqliteHandle } from "./handle.ts";
import { toUser } from "./rows.ts";

export function createAccountsPart({ db, queue }: SqliteHandle): AccountsDb {
  const q = {
    user: db.prepare("SELECT * FROM users WHERE workspace_id = ? AND id = ?"),
    otherAdmins: db.prepare(
      `SELECT count(*) AS n FROM users WHERE workspace_id = ? AND id <> ? AND role = 'admin'
       AND disabled_at IS NULL AND deleted_at IS NULL`,
    ),
    update: db.prepare(
      `UPDATE users SET role = @role, name = @name, disabled_at = @disabledAt
       WHERE workspace_id = @ws AND id = @id RETURNING *`,
    ),
    remove: db.prepare(
      `UPDATE users SET deleted_at = @now, email = @email, name = @name
       WHERE workspace_id = @ws AND id = @id RETURNING *`,
    ),
    setPassword: db.prepare(
      "UPDATE users SET password_hash = ? WHERE workspace_id = ? AND id = ? AND deleted_at IS NULL",
    ),
    revokeSessions: db.prepare(
      `UPDATE sessions SET revoked_at = @now WHERE workspace_id = @ws AND user_id = @user
       AND revoked_at IS NULL AND (@keep IS NULL OR token_hash <> @keep)`,
    ),
    dropResets: db.prepare(
      "UPDATE password_resets SET used_at = ? WHERE user_id = ? AND used_at IS NULL",
    ),
    insertReset: db.prepare(
      `INSERT INTO password_resets (code_hash, workspace_id, user_id, created_by, created_at, expires_at)
       VALUES (?, ?, ?, ?, ?, ?)`,
    ),
    reset: db.prepare("SELECT * FROM password_resets WHERE code_hash = ?"),
    useReset: db.prepare("UPDATE password_resets SET used_at = ? WHERE code_hash = ?"),
  };
  type ResetRow = {
    workspace_id: string;
    user_id: string;
    expires_at: string;
    used_at: string | null;
  };

  const revoke = (ws: string, user: string, now: string, keep: string | null = null) =>
    q.revokeSessions.run({ ws, user, now, keep }).changes;

  /** Would `after` leave the workspace without an enabled admin? */
  const lastAdmin = (ws: string, id: string, before: UserRow, stillAdmin: boolean) =>
    before.role === "admin" &&
    !before.disabled_at &&
    !before.deleted_at &&
    !stillAdmin &&
    (q.otherAdmins.get(ws, id) as { n: number }).n === 0;

  const update = db.transaction(
    (ws: string, id: string, c: UserChanges, now: string): UserChangeResult => {
      const row = q.user.get(ws, id) as UserRow | undefined;
      if (!row || row.deleted_at) return { ok: false, reason: "not-found" };
      const role = c.role ?? row.role;
      const disabledAt =
        c.disabled === undefined ? row.disabled_at : c.disabled ? (row.disabled_at ?? now) : null;
      if (lastAdmin(ws, id, row, role === "admin" && !disabledAt))
        return { ok: false, reason: "last-admin" };
      const name = c.name === undefined ? row.name : c.name;
      const after = q.update.get({ ws, id, role, name, disabledAt }) as UserRow;
      if (disabledAt) revoke(ws, id, now);
      return { ok: true, before: toUser(row), user: toUser(after) };
    },
  );

  const remove = db.transaction((ws: string, id: string, now: string): UserChangeResult => {
    const row = q.user.get(ws, id) as UserRow | undefined;
    if (!row || row.deleted_at) return { ok: false, reason: "not-found" };
    if (lastAdmin(ws, id, row, false)) return { ok: false, reason: "last-admin" };
    const after = q.remove.get({
      ws,
      id,
      now,
      email: `deleted-${id}@deleted.invalid`,
      name: row.name ?? row.email,
    }) as UserRow;
    revoke(ws, id, now);
    return { ok: true, before: toUser(row), user: toUser(after) };
  });

  const setPassword = db.transaction(
    (ws: string, id: string, hash: string, now: string, keep: string | null) => {
      if (q.setPassword.run(hash, ws, id).changes === 0) return false;
      revoke(ws, id, now, keep);
      return true;
    },
  );

  const redeem = db.transaction((codeHash: string, hash: string, now: string) => {
    const r = q.reset.get(codeHash) as ResetRow | undefined;
    if (!r || r.used_at || r.expires_at <= now) return null;
    const user = q.user.get(r.workspace_id, r.user_id) as UserRow | undefined;
    if (!user || user.disabled_at || user.deleted_at) return null;
    q.useReset.run(now, codeHash);
    q.setPassword.run(hash, r.workspace_id, r.user_id);
    revoke(r.workspace_id, r.user_id, now);
    return toUser({ ...user, password_hash: hash });
  });

  return {
    getUser: (ws, id) =>
      queue.run(() => {
        const r = q.user.get(ws, id) as UserRow | undefined;
        return r ? toUser(r) : null;
      }),
    updateUser: (ws, id, c, now) => queue.run(() => update.immediate(ws, id, c, now)),
    deleteUser: (ws, id, now) => queue.run(() => remove.immediate(ws, id, now)),
    setPassword: (ws, id, hash, now, keep) =>
      queue.run(() => setPassword.immediate(ws, id, hash, now, keep ?? null)),
    revokeUserSessions: (ws, id, now, except) =>
      queue.run(() => revoke(ws, id, now, except ?? null)),
    createPasswordReset: (r) =>
      queue.run(() =>
        db
          .transaction(() => {
            q.dropResets.run(new Date().toISOString(), r.userId);
            q.insertReset.run(
              r.codeHash,
              r.workspaceId,
              r.userId,
              r.createdBy,
              new Date().toISOString(),
              r.expiresAt,
            );
          })
          .immediate(),
      ),
    redeemPasswordReset: (code, hash, now) => queue.run(() => redeem.immediate(code, hash, now)),
  };
}
