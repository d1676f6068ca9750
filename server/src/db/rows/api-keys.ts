// Rows of api_keys (joined with the creator) and their mapping to port
// records, for both adapters. Times are ISO text in both.
import type { ApiKeyScope } from "../../auth/roles.ts";
import type { ApiKeyPrincipal, ApiKeyRecord } from "../port.ts";

export type ApiKeyRow = {
  workspace_id: string;
  id: string;
  name: string;
  scope: string;
  hint: string;
  created_by: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
  /** Joined from users: name, else email. */
  creator_label: string;
  /** Joined from users: enabled, not deleted, still an admin (1/0 on SQLite). */
  creator_active: boolean | number;
};

/** The select list (alias k for api_keys, u for the creator) both adapters read. */
export const API_KEY_COLUMNS = `k.workspace_id, k.id, k.name, k.scope, k.hint, k.created_by,
  k.created_at, k.last_used_at, k.revoked_at, coalesce(u.name, u.email) AS creator_label,
  (u.disabled_at IS NULL AND u.deleted_at IS NULL AND u.role = 'admin') AS creator_active`;

/** A key acts only while its creator could create it now: an enabled, undeleted admin. */
export const LIVE_CREATOR = "u.disabled_at IS NULL AND u.deleted_at IS NULL AND u.role = 'admin'";

/** How often a key's last use is written at most (not on every request). */
export const LAST_USED_EVERY_MS = 60_000;

export const toApiKey = (r: ApiKeyRow): ApiKeyRecord => ({
  id: r.id,
  workspaceId: r.workspace_id,
  name: r.name,
  scope: r.scope as ApiKeyScope,
  hint: r.hint,
  createdBy: r.created_by,
  createdByLabel: r.creator_label,
  createdAt: r.created_at,
  lastUsedAt: r.last_used_at,
  revokedAt: r.revoked_at,
  creatorActive: Boolean(r.creator_active),
});

export const toApiKeyPrincipal = (r: ApiKeyRow): ApiKeyPrincipal => ({
  type: "api-key",
  workspaceId: r.workspace_id,
  keyId: r.id,
  name: r.name,
  scope: r.scope as ApiKeyScope,
  createdBy: r.created_by,
});

/** Whether a key last used at `lastUsedAt` should have `now` written. */
export const lastUseStale = (lastUsedAt: string | null, now: string) =>
  lastUsedAt === null || Date.parse(now) - Date.parse(lastUsedAt) >= LAST_USED_EVERY_MS;
