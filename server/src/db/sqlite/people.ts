// Workspaces, users, sessions, pairing codes and devices on SQLite.
import { uuidv7 } from "@sightline/shared";
import { KIND_OF_ROLE, type UserRole } from "../../auth/roles.ts";
import {
  ConflictError,
  type Db,
  devicePrincipal,
  type PairResult,
  type PeopleDb,
  type Principal,
} from "../port.ts";
import { readmissionRefusal } from "../readmission.ts";
import type { DeviceRow, UserRow, WorkspaceRow } from "../rows/people.ts";
import type { SqliteHandle } from "./handle.ts";
import { toDevice, toUser, toWorkspace } from "./rows.ts";

type CodeRow = {
  workspace_id: string;
  role: "staff" | "marketer";
  store_id: string | null;
  created_by: string;
  for_user_id: string | null;
  expires_at: string;
  used_at: string | null;
  /** The issuer's role now (joined from users). */
  issuer_role: string;
};

export function createPeoplePart({ db, queue }: SqliteHandle): PeopleDb {
  const q = {
    insertWs: db.prepare(
      "INSERT INTO workspaces (id, name, version, created_at) VALUES (?, ?, 0, ?) RETURNING *",
    ),
    getWs: db.prepare("SELECT * FROM workspaces WHERE id = ?"),
    listWs: db.prepare("SELECT * FROM workspaces ORDER BY created_at, id"),
    insertUser: db.prepare(
      "INSERT INTO users (id, workspace_id, email, name, role, password_hash, created_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING *",
    ),
    userByEmail: db.prepare("SELECT * FROM users WHERE lower(email) = lower(?)"),
    listUsers: db.prepare("SELECT * FROM users WHERE workspace_id = ? ORDER BY lower(email), id"),
    insertSession: db.prepare(
      "INSERT INTO sessions (token_hash, workspace_id, user_id, created_at, expires_at) VALUES (?, ?, ?, ?, ?)",
    ),
    revokeSession: db.prepare(
      "UPDATE sessions SET revoked_at = ? WHERE token_hash = ? AND revoked_at IS NULL",
    ),
    // Disabled or deleted people have no live session (issue 18); a session
    // unused since the idle cut-off has ended.
    session: db.prepare(
      `SELECT u.id, u.workspace_id, u.role, u.email, coalesce(s.last_seen_at, s.created_at) AS seen
       FROM sessions s JOIN users u ON u.id = s.user_id
       WHERE s.token_hash = @hash AND s.revoked_at IS NULL AND s.expires_at > @now
         AND u.disabled_at IS NULL AND u.deleted_at IS NULL
         AND (@idle IS NULL OR coalesce(s.last_seen_at, s.created_at) > @idle)`,
    ),
    touchSession: db.prepare("UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?"),
    // An extension belongs to its person: it stops with them. A kiosk is the
    // store's, whoever issued its code.
    deviceByToken: db.prepare(
      `SELECT d.* FROM devices d LEFT JOIN users u ON u.id = d.owner_id
       WHERE d.token_hash = ? AND d.revoked_at IS NULL
         AND (d.kind <> 'extension' OR (u.disabled_at IS NULL AND u.deleted_at IS NULL))`,
    ),
    insertCode: db.prepare(
      "INSERT INTO pairing_codes (code_hash, workspace_id, role, store_id, label, created_by, for_user_id, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
    ),
    code: db.prepare(
      `SELECT c.*, u.role AS issuer_role FROM pairing_codes c JOIN users u ON u.id = c.created_by
       WHERE c.code_hash = ?`,
    ),
    useCode: db.prepare(
      "UPDATE pairing_codes SET used_at = ?, used_by_device = ? WHERE code_hash = ?",
    ),
    insertDevice: db.prepare(
      `INSERT INTO devices (workspace_id, id, kind, role, store_id, owner_id, name, origin, token_hash, created_at)
       VALUES (@ws, @id, @kind, @role, @store, @owner, @name, @origin, @token, @now)
       RETURNING *`,
    ),
    readmit: db.prepare(
      `UPDATE devices SET token_hash = @token, revoked_at = NULL,
         name = coalesce(@name, name), origin = coalesce(@origin, origin)
       WHERE workspace_id = @ws AND id = @id AND revoked_at IS NOT NULL
       RETURNING *`,
    ),
    device: db.prepare("SELECT * FROM devices WHERE workspace_id = ? AND id = ?"),
    listDevices: db.prepare("SELECT * FROM devices WHERE workspace_id = ? ORDER BY created_at, id"),
    revokeDevice: db.prepare(
      "UPDATE devices SET revoked_at = coalesce(revoked_at, ?) WHERE workspace_id = ? AND id = ?",
    ),
    origins: db.prepare(
      "SELECT DISTINCT origin FROM devices WHERE origin IS NOT NULL AND revoked_at IS NULL",
    ),
    health: db.prepare(
      `UPDATE devices SET unsynced_count = ?, oldest_unsynced_at = ?, storage_persisted = ?,
       status_at = ? WHERE workspace_id = ? AND id = ?`,
    ),
  };

  // BEGIN IMMEDIATE (the single writer): nothing changes between the checks
  // and the writes, and a refusal returns before the code is used.
  const pair = db.transaction((r: Parameters<Db["pairDevice"]>[0]): PairResult => {
    const code = q.code.get(r.codeHash) as CodeRow | undefined;
    if (!code) return { ok: false, reason: "unknown" };
    if (code.used_at) return { ok: false, reason: "used" };
    if (code.expires_at <= r.now) return { ok: false, reason: "expired" };
    if (KIND_OF_ROLE[code.role] !== r.kind) return { ok: false, reason: "kind-mismatch" };
    const owner =
      code.role === "marketer" ? (code.for_user_id ?? code.created_by) : code.created_by;
    const existing = q.device.get(code.workspace_id, r.deviceId) as DeviceRow | undefined;
    const args = {
      ws: code.workspace_id,
      id: r.deviceId,
      name: r.name,
      origin: r.origin,
      token: r.tokenHash,
    };
    let row: DeviceRow | undefined;
    if (existing) {
      const why = readmissionRefusal(toDevice(existing), {
        kind: r.kind,
        storeId: code.store_id,
        ownerId: owner,
        issuerRole: code.issuer_role,
      });
      if (why) return { ok: false, reason: "device-id-taken", why };
      row = q.readmit.get(args) as DeviceRow | undefined;
    } else {
      row = q.insertDevice.get({
        ...args,
        kind: r.kind,
        role: code.role,
        store: code.store_id,
        owner,
        now: r.now,
      }) as DeviceRow | undefined;
    }
    if (!row) throw new Error("pairDevice: no device row written");
    q.useCode.run(r.now, r.deviceId, r.codeHash);
    return { ok: true, device: toDevice(row) };
  });

  const resolve = (tokenHash: string, now: string, idle: string | null): Principal | null => {
    const s = q.session.get({ hash: tokenHash, now, idle }) as
      | { id: string; workspace_id: string; role: string; email: string; seen: string }
      | undefined;
    if (s) {
      if (Date.parse(now) - Date.parse(s.seen) > 60_000) q.touchSession.run(now, tokenHash);
      const role = s.role as UserRole;
      return { type: "user", workspaceId: s.workspace_id, userId: s.id, role, email: s.email };
    }
    const row = q.deviceByToken.get(tokenHash) as DeviceRow | undefined;
    if (!row) return null;
    return devicePrincipal(toDevice(row));
  };

  return {
    createWorkspace: (name) =>
      queue.run(() =>
        toWorkspace(q.insertWs.get(uuidv7(), name, new Date().toISOString()) as WorkspaceRow),
      ),
    getWorkspace: (id) =>
      queue.run(() => {
        const r = q.getWs.get(id) as WorkspaceRow | undefined;
        return r ? toWorkspace(r) : null;
      }),
    listWorkspaces: () => queue.run(() => (q.listWs.all() as WorkspaceRow[]).map(toWorkspace)),
    createUser: (u) =>
      queue.run(() => {
        if (q.userByEmail.get(u.email)) throw new ConflictError(`email ${u.email} is taken`);
        const row = q.insertUser.get(
          uuidv7(),
          u.workspaceId,
          u.email,
          u.name,
          u.role,
          u.passwordHash,
          new Date().toISOString(),
        ) as UserRow;
        return toUser(row);
      }),
    findUserByEmail: (email) =>
      queue.run(() => {
        const r = q.userByEmail.get(email) as UserRow | undefined;
        return r ? toUser(r) : null;
      }),
    listUsers: (ws) => queue.run(() => (q.listUsers.all(ws) as UserRow[]).map(toUser)),
    createSession: (s) =>
      queue.run(() => {
        q.insertSession.run(
          s.tokenHash,
          s.workspaceId,
          s.userId,
          new Date().toISOString(),
          s.expiresAt,
        );
      }),
    revokeSession: (hash) =>
      queue.run(() => {
        q.revokeSession.run(new Date().toISOString(), hash);
      }),
    resolveToken: (hash, now, o) => queue.run(() => resolve(hash, now, o?.idleSince ?? null)),
    createPairingCode: (c) =>
      queue.run(() => {
        q.insertCode.run(
          c.codeHash,
          c.workspaceId,
          c.role,
          c.storeId,
          c.label,
          c.createdBy,
          c.forUserId ?? null,
          new Date().toISOString(),
          c.expiresAt,
        );
      }),
    pairDevice: (r) => queue.run(() => pair.immediate(r)),
    listDevices: (ws) => queue.run(() => (q.listDevices.all(ws) as DeviceRow[]).map(toDevice)),
    getDevice: (ws, id) =>
      queue.run(() => {
        const r = q.device.get(ws, id) as DeviceRow | undefined;
        return r ? toDevice(r) : null;
      }),
    revokeDevice: (ws, id, now) => queue.run(() => q.revokeDevice.run(now, ws, id).changes > 0),
    reportDeviceHealth: (ws, id, h) =>
      queue.run(() => {
        q.health.run(
          h.unsynced,
          h.oldestUnsyncedAt,
          h.storagePersisted === null ? null : h.storagePersisted ? 1 : 0,
          h.at,
          ws,
          id,
        );
      }),
    listDeviceOrigins: () =>
      queue.run(() => (q.origins.all() as { origin: string }[]).map((r) => r.origin)),
  };
}
