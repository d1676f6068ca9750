// Row shapes of the people and device tables and their mapping to records.
import type { DeviceKind, DeviceRole, UserRole } from "../../auth/roles.ts";
import type { DeviceRecord, UserRecord, Workspace } from "../port.ts";

export type WorkspaceRow = { id: string; name: string; version: number; created_at: string };
export const toWorkspace = (r: WorkspaceRow): Workspace => ({
  id: r.id,
  name: r.name,
  version: r.version,
  createdAt: r.created_at,
});

export type UserRow = {
  id: string;
  workspace_id: string;
  email: string;
  name: string | null;
  role: string;
  password_hash: string;
  created_at: string;
};
export const toUser = (r: UserRow): UserRecord => ({
  id: r.id,
  workspaceId: r.workspace_id,
  email: r.email,
  name: r.name,
  role: r.role as UserRole,
  passwordHash: r.password_hash,
  createdAt: r.created_at,
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
  last_push_at: string | null;
  last_pull_at: string | null;
  app_version: string | null;
  revoked_at: string | null;
  created_at: string;
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
  lastPushAt: r.last_push_at,
  lastPullAt: r.last_pull_at,
  appVersion: r.app_version,
  revokedAt: r.revoked_at,
  createdAt: r.created_at,
});
