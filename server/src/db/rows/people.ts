// Rows of the people and device tables and their mapping to port records,
// for both adapters (times through the adapter's Decode).
import type { DeviceKind, DeviceRole, UserRole } from "../../auth/roles.ts";
import type { DeviceRecord, UserRecord, Workspace } from "../port.ts";
import type { Decode } from "./decode.ts";

export type WorkspaceRow = { id: string; name: string; version: number; created_at: unknown };

export type UserRow = {
  id: string;
  workspace_id: string;
  email: string;
  name: string | null;
  role: string;
  password_hash: string;
  created_at: unknown;
  disabled_at?: unknown;
  deleted_at?: unknown;
};

export type DeviceRow = {
  workspace_id: string;
  id: string;
  kind: string;
  role: string;
  store_id: string | null;
  owner_id: string;
  name: string | null;
  origin: string | null;
  last_seq: number;
  last_push_at: unknown;
  last_pull_at: unknown;
  app_version: string | null;
  revoked_at: unknown;
  created_at: unknown;
  unsynced_count?: number | null;
  oldest_unsynced_at?: unknown;
  storage_persisted?: unknown;
  status_at?: unknown;
};

/** The people mappers over one adapter's Decode. */
export function peopleRows(d: Decode) {
  const timeOrNull = (v: unknown) => (v === null || v === undefined ? null : d.time(v));
  return {
    toWorkspace: (r: WorkspaceRow): Workspace => ({
      id: r.id,
      name: r.name,
      version: r.version,
      createdAt: d.time(r.created_at),
    }),
    toUser: (r: UserRow): UserRecord => ({
      id: r.id,
      workspaceId: r.workspace_id,
      email: r.email,
      name: r.name,
      role: r.role as UserRole,
      passwordHash: r.password_hash,
      createdAt: d.time(r.created_at),
      disabledAt: timeOrNull(r.disabled_at),
      deletedAt: timeOrNull(r.deleted_at),
    }),
    toDevice: (r: DeviceRow): DeviceRecord => ({
      id: r.id,
      workspaceId: r.workspace_id,
      kind: r.kind as DeviceKind,
      role: r.role as DeviceRole,
      storeId: r.store_id,
      ownerId: r.owner_id,
      name: r.name,
      origin: r.origin,
      lastSeq: r.last_seq,
      lastPushAt: timeOrNull(r.last_push_at),
      lastPullAt: timeOrNull(r.last_pull_at),
      appVersion: r.app_version,
      revokedAt: timeOrNull(r.revoked_at),
      createdAt: d.time(r.created_at),
      health:
        r.status_at === null || r.status_at === undefined
          ? null
          : {
              unsynced: Number(r.unsynced_count ?? 0),
              oldestUnsyncedAt: timeOrNull(r.oldest_unsynced_at),
              storagePersisted:
                r.storage_persisted === null || r.storage_persisted === undefined
                  ? null
                  : Boolean(r.storage_persisted),
              at: d.time(r.status_at),
            },
    }),
  };
}
