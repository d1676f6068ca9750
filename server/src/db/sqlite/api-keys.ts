// API keys on SQLite: stored as the sha256 of the secret; a key resolves only
// while unrevoked and while its creator is an enabled admin; its last use is
// written at most once a minute (a read on most requests, not a write).
import type { ApiKeysDb } from "../port.ts";
import {
  API_KEY_COLUMNS,
  type ApiKeyRow,
  LIVE_CREATOR,
  lastUseStale,
  toApiKey,
  toApiKeyPrincipal,
} from "../rows/api-keys.ts";
import type { SqliteHandle } from "./handle.ts";

export function createApiKeysPart({ db, queue }: SqliteHandle): ApiKeysDb {
  const q = {
    insert: db.prepare(
      `INSERT INTO api_keys (workspace_id, id, key_hash, name, scope, hint, created_by, created_at)
       VALUES (@workspaceId, @id, @keyHash, @name, @scope, @hint, @createdBy, @createdAt)`,
    ),
    one: db.prepare(
      `SELECT ${API_KEY_COLUMNS} FROM api_keys k JOIN users u ON u.id = k.created_by
       WHERE k.workspace_id = ? AND k.id = ?`,
    ),
    list: db.prepare(
      `SELECT ${API_KEY_COLUMNS} FROM api_keys k JOIN users u ON u.id = k.created_by
       WHERE k.workspace_id = ? ORDER BY k.created_at DESC, k.id DESC`,
    ),
    revoke: db.prepare(
      "UPDATE api_keys SET revoked_at = ? WHERE workspace_id = ? AND id = ? AND revoked_at IS NULL",
    ),
    byHash: db.prepare(
      `SELECT ${API_KEY_COLUMNS} FROM api_keys k JOIN users u ON u.id = k.created_by
       WHERE k.key_hash = ? AND k.revoked_at IS NULL AND ${LIVE_CREATOR}`,
    ),
    touch: db.prepare("UPDATE api_keys SET last_used_at = ? WHERE workspace_id = ? AND id = ?"),
  };
  const get = (ws: string, id: string) => {
    const r = q.one.get(ws, id) as ApiKeyRow | undefined;
    return r ? toApiKey(r) : null;
  };
  return {
    createApiKey: (k) =>
      queue.run(() => {
        q.insert.run(k);
        const created = get(k.workspaceId, k.id);
        if (!created) throw new Error("createApiKey: no row written");
        return created;
      }),
    listApiKeys: (ws) => queue.run(() => (q.list.all(ws) as ApiKeyRow[]).map(toApiKey)),
    revokeApiKey: (ws, id, now) =>
      queue.run(() => {
        const revokedNow = q.revoke.run(now, ws, id).changes > 0;
        const key = get(ws, id);
        return key ? { key, revokedNow } : null;
      }),
    resolveApiKey: (hash, now) =>
      queue.run(() => {
        const r = q.byHash.get(hash) as ApiKeyRow | undefined;
        if (!r) return null;
        if (lastUseStale(r.last_used_at, now)) q.touch.run(now, r.workspace_id, r.id);
        return toApiKeyPrincipal(r);
      }),
  };
}
