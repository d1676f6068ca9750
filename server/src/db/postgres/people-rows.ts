// Row shapes of the people and device tables in PostgreSQL and their mapping
// to port records. postgres.js reads timestamptz as Date; the port speaks
// ISO-8601 strings.
import type { DeviceKind, DeviceRole, UserRole } from "../../auth/roles.ts";
import type { DevicePrincipal, DeviceRecord, UserRecord, Workspace } from "../port.ts";

export const isoOf = (d: Date): string => d.toISOString();
export const isoOrNull = (d: Date | null): string | null => (d ? d.toISOString() : null);

export type WorkspaceRow = { id: string; name: string; version: number; created_at: Date };
export const toWorkspace = (r: WorkspaceRow): Workspace => ({
  id: r.id,
  name: r.name,
  version: r.version,
  createdAt: isoOf(r.created_at),
});

export type UserRow = {
  id: string;
  workspace_id: string;
  email: string;
  name: string | null;
  role: string;
  password_hash: string;
  created_at: Date;
};
export const toUser = (r: UserRow): UserRecord => ({
  id: r.id,
  workspaceId: r.workspace_id,
  email: r.email,
  name: r.name,
  role: r.role as UserRole,
  passwordHash: r.password_hash,
  createdAt: isoOf(r.created_at),
});

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
  last_push_at: Date | null;
  last_pull_at: Date | null;
  app_version: string | null;
  revoked_at: Date | null;
  created_at: Date;
};
export const toDevice = (r: DeviceRow): DeviceRecord => ({
  id: r.id,
  workspaceId: r.workspace_id,
  kind: r.kind as DeviceKind,
  role: r.role as DeviceRole,
  storeId: r.store_id,
  ownerId: r.owner_id,
  name: r.name,
  origin: r.origin,
  lastSeq: r.last_seq,
  lastPushAt: isoOrNull(r.last_push_at),
  lastPullAt: isoOrNull(r.last_pull_at),
  appVersion: r.app_version,
  revokedAt: isoOrNull(r.revoked_at),
  createdAt: isoOf(r.created_at),
});

export const toDevicePrincipal = (d: DeviceRecord): DevicePrincipal => ({
  type: "device",
  workspaceId: d.workspaceId,
  deviceId: d.id,
  kind: d.kind,
  role: d.role,
  storeId: d.storeId,
  ownerId: d.ownerId,
});
