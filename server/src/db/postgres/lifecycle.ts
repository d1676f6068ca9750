// PostgreSQL: deleting and restoring insights and actions, as the SQLite
// part (soft: deleted_at, migration 11; undo by restore).
import type { LifecycleDb } from "../port.ts";
import type { PgHandle } from "./handle.ts";
import { createInsightsPart } from "./insights.ts";

export function createLifecyclePart(handle: PgHandle): LifecycleDb {
  const { sql } = handle;
  const read = createInsightsPart(handle);
  const liveInsight = sql`EXISTS (SELECT 1 FROM insights i WHERE i.workspace_id = actions.workspace_id
    AND i.id = actions.insight_id AND i.deleted_at IS NULL)`;
  return {
    async deleteInsight(ws, id, now) {
      const r = await sql`UPDATE insights SET deleted_at = ${now}, updated_at = ${now}
        WHERE workspace_id = ${ws} AND id = ${id} AND deleted_at IS NULL`;
      return r.count > 0;
    },
    async restoreInsight(ws, id, now) {
      const r = await sql`UPDATE insights SET deleted_at = NULL, updated_at = ${now}
        WHERE workspace_id = ${ws} AND id = ${id} AND deleted_at IS NOT NULL`;
      return r.count > 0 ? read.getInsight(ws, id) : null;
    },
    async deleteAction(ws, id, now) {
      const r = await sql`UPDATE actions SET deleted_at = ${now}, updated_at = ${now}
        WHERE workspace_id = ${ws} AND id = ${id} AND deleted_at IS NULL AND ${liveInsight}`;
      return r.count > 0;
    },
    async restoreAction(ws, id, now) {
      const r = await sql`UPDATE actions SET deleted_at = NULL, updated_at = ${now}
        WHERE workspace_id = ${ws} AND id = ${id} AND deleted_at IS NOT NULL AND ${liveInsight}`;
      return r.count > 0 ? read.getAction(ws, id) : null;
    },
  };
}
