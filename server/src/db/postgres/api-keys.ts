// API keys on PostgreSQL: see the SQLite part. The last-use write is
// conditional in SQL too, so instances racing on one key write it once.
import type { ApiKeysDb } from "../port.ts";
import {
  API_KEY_COLUMNS,
  type ApiKeyRow,
  LAST_USED_EVERY_MS,
  LIVE_CREATOR,
  lastUseStale,
  toApiKey,
  toApiKeyPrincipal,
} from "../rows/api-keys.ts";
import type { PgHandle } from "./handle.ts";

export function createApiKeysPart({ sql }: PgHandle): ApiKeysDb {
  const columns = () => sql.unsafe(API_KEY_COLUMNS);
  const get = async (ws: string, id: string) => {
    const [r] = await sql<ApiKeyRow[]>`
      SELECT ${columns()} FROM api_keys k JOIN users u ON u.id = k.created_by
      WHERE k.workspace_id = ${ws} AND k.id = ${id}`;
    return r ? toApiKey(r) : null;
  };
  return {
    async createApiKey(k) {
      await sql`
        INSERT INTO api_keys (workspace_id, id, key_hash, name, scope, hint, created_by, created_at)
        VALUES (${k.workspaceId}, ${k.id}, ${k.keyHash}, ${k.name}, ${k.scope}, ${k.hint},
          ${k.createdBy}, ${k.createdAt})`;
      const created = await get(k.workspaceId, k.id);
      if (!created) throw new Error("createApiKey: no row written");
      return created;
    },
    async listApiKeys(ws) {
      const rows = await sql<ApiKeyRow[]>`
        SELECT ${columns()} FROM api_keys k JOIN users u ON u.id = k.created_by
        WHERE k.workspace_id = ${ws} ORDER BY k.created_at DESC, k.id DESC`;
      return rows.map(toApiKey);
    },
    async revokeApiKey(ws, id, now) {
      const done = await sql`
        UPDATE api_keys SET revoked_at = ${now}
        WHERE workspace_id = ${ws} AND id = ${id} AND revoked_at IS NULL`;
      const key = await get(ws, id);
      return key ? { key, revokedNow: done.count > 0 } : null;
    },
    async resolveApiKey(hash, now) {
      const [r] = await sql<ApiKeyRow[]>`
        SELECT ${columns()} FROM api_keys k JOIN users u ON u.id = k.created_by
        WHERE k.key_hash = ${hash} AND k.revoked_at IS NULL AND ${sql.unsafe(LIVE_CREATOR)}`;
      if (!r) return null;
      if (lastUseStale(r.last_used_at, now)) {
        const before = new Date(Date.parse(now) - LAST_USED_EVERY_MS).toISOString();
        await sql`
          UPDATE api_keys SET last_used_at = ${now}
          WHERE workspace_id = ${r.workspace_id} AND id = ${r.id}
            AND (last_used_at IS NULL OR last_used_at <= ${before})`;
      }
      return toApiKeyPrincipal(r);
    },
  };
}
