// SQLite: deleting and restoring insights and actions. A delete is soft
// (deleted_at, migration 11) so the web app can offer undo; the insights
// part reads a deleted row as absent. An action of a deleted insight can be
// neither deleted nor restored on its own (its insight comes back first).
import type { LifecycleDb } from "../port.ts";
import type { SqliteHandle } from "./handle.ts";
import { createInsightsPart } from "./insights.ts";

const LIVE_INSIGHT = `EXISTS (SELECT 1 FROM insights i WHERE i.workspace_id = actions.workspace_id
  AND i.id = actions.insight_id AND i.deleted_at IS NULL)`;

export function createLifecyclePart(handle: SqliteHandle): LifecycleDb {
  const { db, queue } = handle;
  const read = createInsightsPart(handle);
  const q = {
    deleteInsight: db.prepare(`UPDATE insights SET deleted_at = @now, updated_at = @now
      WHERE workspace_id = @ws AND id = @id AND deleted_at IS NULL`),
    restoreInsight: db.prepare(`UPDATE insights SET deleted_at = NULL, updated_at = @now
      WHERE workspace_id = @ws AND id = @id AND deleted_at IS NOT NULL`),
    deleteAction: db.prepare(`UPDATE actions SET deleted_at = @now, updated_at = @now
      WHERE workspace_id = @ws AND id = @id AND deleted_at IS NULL AND ${LIVE_INSIGHT}`),
    restoreAction: db.prepare(`UPDATE actions SET deleted_at = NULL, updated_at = @now
      WHERE workspace_id = @ws AND id = @id AND deleted_at IS NOT NULL AND ${LIVE_INSIGHT}`),
  };
  return {
    deleteInsight: (ws, id, now) =>
      queue.run(() => q.deleteInsight.run({ ws, id, now }).changes > 0),
    restoreInsight: async (ws, id, now) => {
      const done = await queue.run(() => q.restoreInsight.run({ ws, id, now }).changes > 0);
      return done ? read.getInsight(ws, id) : null;
    },
    deleteAction: (ws, id, now) => queue.run(() => q.deleteAction.run({ ws, id, now }).changes > 0),
    restoreAction: async (ws, id, now) => {
      const done = await queue.run(() => q.restoreAction.run({ ws, id, now }).changes > 0);
      return done ? read.getAction(ws, id) : null;
    },
  };
}
