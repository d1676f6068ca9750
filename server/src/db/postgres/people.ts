// Workspaces, users, sessions, pairing codes and devices on PostgreSQL.
// Uniqueness is enforced by the database (a taken email is a unique index
// violation, not a check-then-insert race), and pairing consumes the code
// under a row lock so two tablets can never pair with one code.
import { uuidv7 } from "@sightline/shared";
import { KIND_OF_ROLE } from "../../auth/roles.ts";
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
import { type PgHandle, sqlState, UNIQUE_VIOLATION } from "./handle.ts";
import { toDevice, toUser, toWorkspace } from "./rows.ts";

type CodeRow = {
  workspace_id: string;
  role: "staff" | "marketer";
  store_id: string | null;
  created_by: string;
  for_user_id: string | null;
  expires_at: Date;
  used_at: Date | null;
  /** The issuer's role now (joined from users). */
  issuer_role: string;
};
type SessionRow = { id: string; workspace_id: string; role: string; email: string; seen: Date };

export function createPeoplePart({ sql }: PgHandle): PeopleDb {
  // Disabled or deleted people have no live session and their extensions
  // stop (a kiosk is the store's, whoever issued its code); a session unused
  // since the idle cut-off has ended (issue 18).
  const resolveToken: Db["resolveToken"] = async (tokenHash, now, o) => {
    const idle = o?.idleSince ?? null;
    const [s] = await sql<SessionRow[]>`
      SELECT u.id, u.workspace_id, u.role, u.email, coalesce(s.last_seen_at, s.created_at) AS seen
      FROM sessions s JOIN users u ON u.id = s.user_id
      WHERE s.token_hash = ${tokenHash} AND s.revoked_at IS NULL AND s.expires_at > ${now}
        AND u.disabled_at IS NULL AND u.deleted_at IS NULL
        ${idle ? sql`AND coalesce(s.last_seen_at, s.created_at) > ${idle}` : sql``}`;
    if (s) {
      if (Date.parse(now) - s.seen.getTime() > 60_000)
        await sql`UPDATE sessions SET last_seen_at = ${now} WHERE token_hash = ${tokenHash}`;
      const role = s.role as Extract<Principal, { type: "user" }>["role"];
      return { type: "user", workspaceId: s.workspace_id, userId: s.id, role, email: s.email };
    }
    const [d] = await sql<DeviceRow[]>`
      SELECT d.* FROM devices d LEFT JOIN users u ON u.id = d.owner_id
      WHERE d.token_hash = ${tokenHash} AND d.revoked_at IS NULL
        AND (d.kind <> 'extension' OR (u.disabled_at IS NULL AND u.deleted_at IS NULL))`;
    return d ? devicePrincipal(toDevice(d)) : null;
  };

  // The code row is locked first, then the device row (when it exists), so a
  // concurrent pairing of the same code or the same id waits and then sees
  // the outcome. A refusal returns before the code is used.
  const pairDevice: Db["pairDevice"] = (r) =>
    sql.begin(async (tx): Promise<PairResult> => {
      const [code] = await tx<CodeRow[]>`
        SELECT c.workspace_id, c.role, c.store_id, c.created_by, c.for_user_id, c.expires_at,
          c.used_at, u.role AS issuer_role
        FROM pairing_codes c JOIN users u ON u.id = c.created_by
        WHERE c.code_hash = ${r.codeHash} FOR UPDATE OF c`;
      if (!code) return { ok: false, reason: "unknown" };
      if (code.used_at) return { ok: false, reason: "used" };
      if (code.expires_at.getTime() <= Date.parse(r.now)) return { ok: false, reason: "expired" };
      if (KIND_OF_ROLE[code.role] !== r.kind) return { ok: false, reason: "kind-mismatch" };
      const owner =
        code.role === "marketer" ? (code.for_user_id ?? code.created_by) : code.created_by;
      const [existing] = await tx<DeviceRow[]>`
        SELECT * FROM devices WHERE workspace_id = ${code.workspace_id} AND id = ${r.deviceId}
        FOR UPDATE`;
      let row: DeviceRow | undefined;
      if (existing) {
        const why = readmissionRefusal(toDevice(existing), {
          kind: r.kind,
          storeId: code.store_id,
          ownerId: owner,
          issuerRole: code.issuer_role,
        });
        if (why) return { ok: false, reason: "device-id-taken", why };
        [row] = await tx<DeviceRow[]>`
          UPDATE devices SET token_hash = ${r.tokenHash}, revoked_at = NULL,
            name = coalesce(${r.name}::text, name), origin = coalesce(${r.origin}::text, origin)
          WHERE workspace_id = ${code.workspace_id} AND id = ${r.deviceId}
          RETURNING *`;
      } else {
        // A first pairing of this id racing another (with another code) inserts nothing here.
        [row] = await tx<DeviceRow[]>`
          INSERT INTO devices (workspace_id, id, kind, role, store_id, owner_id, name, origin, token_hash, created_at)
          VALUES (${code.workspace_id}, ${r.deviceId}, ${r.kind}, ${code.role}, ${code.store_id},
            ${owner}, ${r.name}, ${r.origin}, ${r.tokenHash}, ${r.now})
          ON CONFLICT (workspace_id, id) DO NOTHING
          RETURNING *`;
        if (!row) return { ok: false, reason: "device-id-taken", why: "in-use" };
      }
      if (!row) throw new Error("pairDevice: no device row written");
      await tx`UPDATE pairing_codes SET used_at = ${r.now}, used_by_device = ${r.deviceId}
        WHERE code_hash = ${r.codeHash}`;
      return { ok: true, device: toDevice(row) };
    });

  return {
    async createWorkspace(name) {
      const [r] = await sql<WorkspaceRow[]>`
        INSERT INTO workspaces (id, name, version, created_at) VALUES (${uuidv7()}, ${name}, 0, now())
        RETURNING *`;
      if (!r) throw new Error("createWorkspace: no row");
      return toWorkspace(r);
    },
    async getWorkspace(id) {
      const [r] = await sql<WorkspaceRow[]>`SELECT * FROM workspaces WHERE id = ${id}`;
      return r ? toWorkspace(r) : null;
    },
    async listWorkspaces() {
      const rows = await sql<WorkspaceRow[]>`SELECT * FROM workspaces ORDER BY created_at, id`;
      return rows.map(toWorkspace);
    },
    async createUser(u) {
      try {
        const [r] = await sql<UserRow[]>`
          INSERT INTO users (id, workspace_id, email, name, role, password_hash, created_at)
          VALUES (${uuidv7()}, ${u.workspaceId}, ${u.email}, ${u.name}, ${u.role}, ${u.passwordHash}, now())
          RETURNING *`;
        if (!r) throw new Error("createUser: no row");
        return toUser(r);
      } catch (e) {
        if (sqlState(e) === UNIQUE_VIOLATION) throw new ConflictError(`email ${u.email} is taken`);
        throw e;
      }
    },
    async findUserByEmail(email) {
      const [r] = await sql<UserRow[]>`SELECT * FROM users WHERE lower(email) = lower(${email})`;
      return r ? toUser(r) : null;
    },
    async listUsers(ws) {
      const rows = await sql<UserRow[]>`
        SELECT * FROM users WHERE workspace_id = ${ws} ORDER BY lower(email), id`;
      return rows.map(toUser);
    },
    async createSession(s) {
      await sql`INSERT INTO sessions (token_hash, workspace_id, user_id, created_at, expires_at)
        VALUES (${s.tokenHash}, ${s.workspaceId}, ${s.userId}, now(), ${s.expiresAt})`;
    },
    async revokeSession(hash) {
      await sql`UPDATE sessions SET revoked_at = now() WHERE token_hash = ${hash} AND revoked_at IS NULL`;
    },
    resolveToken,
    async createPairingCode(c) {
      await sql`INSERT INTO pairing_codes (code_hash, workspace_id, role, store_id, label, created_by, for_user_id, created_at, expires_at)
        VALUES (${c.codeHash}, ${c.workspaceId}, ${c.role}, ${c.storeId}, ${c.label}, ${c.createdBy},
          ${c.forUserId ?? null}, now(), ${c.expiresAt})`;
    },
    pairDevice,
    async listDevices(ws) {
      const rows = await sql<DeviceRow[]>`
        SELECT * FROM devices WHERE workspace_id = ${ws} ORDER BY created_at, id`;
      return rows.map(toDevice);
    },
    async getDevice(ws, id) {
      const [r] = await sql<DeviceRow[]>`
        SELECT * FROM devices WHERE workspace_id = ${ws} AND id = ${id}`;
      return r ? toDevice(r) : null;
    },
    async revokeDevice(ws, id, now) {
      const r = await sql`UPDATE devices SET revoked_at = coalesce(revoked_at, ${now})
        WHERE workspace_id = ${ws} AND id = ${id}`;
      return r.count > 0;
    },
    async reportDeviceHealth(ws, id, h) {
      await sql`UPDATE devices SET unsynced_count = ${h.unsynced},
        oldest_unsynced_at = ${h.oldestUnsyncedAt}, storage_persisted = ${h.storagePersisted},
        status_at = ${h.at} WHERE workspace_id = ${ws} AND id = ${id}`;
    },
    async listDeviceOrigins() {
      const rows = await sql<{ origin: string }[]>`
        SELECT DISTINCT origin FROM devices WHERE origin IS NOT NULL AND revoked_at IS NULL ORDER BY origin`;
      return rows.map((r) => r.origin);
    },
  };
}
