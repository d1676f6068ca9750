// SQLite: insights with their evidence links and actions. Deleted insights
// and actions (deleted_at, migration 11) read as absent until restored.
import type { Action, Evidence, Insight } from "../../journals/model.ts";
import { ConflictError, type InsightsDb } from "../port.ts";
import {
  type ActionRow,
  type EvidenceRow,
  type InsightRow,
  toAction,
  toEvidence,
} from "../rows/journals.ts";
import type { SqliteHandle } from "./handle.ts";
import { toInsight } from "./rows.ts";

export function createInsightsPart({ db, queue }: SqliteHandle): InsightsDb {
  const q = {
    journalExists: db.prepare("SELECT 1 FROM journals WHERE workspace_id = ? AND id = ?"),
    insert:
      db.prepare(`INSERT INTO insights (workspace_id, id, journal_id, statement, needs, status,
      principles, override_reason, created_by, created_at, updated_at)
      VALUES (@ws, @id, @journalId, @statement, @needs, 'draft', '{}', NULL, @createdBy, @createdAt, @createdAt)`),
    one: db.prepare(
      "SELECT * FROM insights WHERE workspace_id = ? AND id = ? AND deleted_at IS NULL",
    ),
    ofJournal: db.prepare(
      "SELECT * FROM insights WHERE workspace_id = ? AND journal_id = ? AND deleted_at IS NULL ORDER BY created_at, id",
    ),
    update:
      db.prepare(`UPDATE insights SET statement = @statement, needs = @needs, status = @status,
      principles = @principles, override_reason = @overrideReason, updated_at = @now
      WHERE workspace_id = @ws AND id = @id`),
    touch: db.prepare("UPDATE insights SET updated_at = ? WHERE workspace_id = ? AND id = ?"),
    putEvidence: db.prepare(`INSERT INTO insight_evidence (workspace_id, insight_id, observation_id,
      stance, note, added_by, added_at) VALUES (@ws, @insightId, @observationId, @stance, @note, @addedBy, @addedAt)
      ON CONFLICT (workspace_id, insight_id, observation_id) DO UPDATE SET stance = excluded.stance,
      note = excluded.note`),
    removeEvidence: db.prepare(
      "DELETE FROM insight_evidence WHERE workspace_id = ? AND insight_id = ? AND observation_id = ?",
    ),
    evidenceOf: db.prepare(
      "SELECT * FROM insight_evidence WHERE workspace_id = ? AND insight_id = ? ORDER BY added_at, observation_id",
    ),
    evidenceOfJournal: db.prepare(`SELECT e.* FROM insight_evidence e JOIN insights i
      ON i.workspace_id = e.workspace_id AND i.id = e.insight_id
      WHERE e.workspace_id = ? AND i.journal_id = ? ORDER BY e.added_at, e.observation_id`),
    insertAction:
      db.prepare(`INSERT INTO actions (workspace_id, id, insight_id, title, owner, due, status,
      created_at, updated_at) VALUES (@ws, @id, @insightId, @title, @owner, @due, 'todo', @createdAt, @createdAt)`),
    action: db.prepare(
      "SELECT * FROM actions WHERE workspace_id = ? AND id = ? AND deleted_at IS NULL",
    ),
    actionsOf: db.prepare(
      "SELECT * FROM actions WHERE workspace_id = ? AND insight_id = ? AND deleted_at IS NULL ORDER BY created_at, id",
    ),
    actionsOfJournal: db.prepare(`SELECT a.* FROM actions a JOIN insights i
      ON i.workspace_id = a.workspace_id AND i.id = a.insight_id
      WHERE a.workspace_id = ? AND i.journal_id = ? AND a.deleted_at IS NULL ORDER BY a.created_at, a.id`),
    updateAction: db.prepare(`UPDATE actions SET title = @title, owner = @owner, due = @due,
      status = @status, updated_at = @now WHERE workspace_id = @ws AND id = @id`),
  };

  const load = (ws: string, id: string): Insight | null => {
    const r = q.one.get(ws, id) as InsightRow | undefined;
    if (!r) return null;
    return toInsight(
      r,
      (q.evidenceOf.all(ws, id) as EvidenceRow[]).map(toEvidence),
      (q.actionsOf.all(ws, id) as ActionRow[]).map(toAction),
    );
  };
  const loadAction = (ws: string, id: string) => {
    const r = q.action.get(ws, id) as ActionRow | undefined;
    return r ? toAction(r) : null;
  };

  return {
    createInsight: (ws, i) =>
      queue.run(() =>
        db.transaction(() => {
          if (!q.journalExists.get(ws, i.journalId))
            throw new ConflictError(`no journal ${i.journalId}`);
          q.insert.run({ ws, ...i, needs: JSON.stringify(i.needs) });
          for (const e of i.evidence) q.putEvidence.run({ ws, insightId: i.id, ...e });
          return load(ws, i.id) as Insight;
        })(),
      ),
    getInsight: (ws, id) => queue.run(() => load(ws, id)),
    listInsights: (ws, journalId) =>
      queue.run(() => {
        const evidence = new Map<string, Evidence[]>();
        for (const r of q.evidenceOfJournal.all(ws, journalId) as EvidenceRow[]) {
          const l = evidence.get(r.insight_id) ?? [];
          l.push(toEvidence(r));
          evidence.set(r.insight_id, l);
        }
        const actions = new Map<string, Action[]>();
        for (const r of q.actionsOfJournal.all(ws, journalId) as ActionRow[]) {
          const l = actions.get(r.insight_id) ?? [];
          l.push(toAction(r));
          actions.set(r.insight_id, l);
        }
        return (q.ofJournal.all(ws, journalId) as InsightRow[]).map((r) =>
          toInsight(r, evidence.get(r.id) ?? [], actions.get(r.id) ?? []),
        );
      }),
    updateInsight: (ws, id, changes, now) =>
      queue.run(() => {
        const cur = load(ws, id);
        if (!cur) return null;
        const next = { ...cur, ...changes };
        q.update.run({
          ws,
          id,
          statement: next.statement,
          needs: JSON.stringify(next.needs),
          status: next.status,
          principles: JSON.stringify(next.principles),
          overrideReason: next.overrideReason,
          now,
        });
        return load(ws, id);
      }),
    putEvidence: (ws, insightId, e, now) =>
      queue.run(() =>
        db.transaction(() => {
          if (!q.one.get(ws, insightId)) return null;
          q.putEvidence.run({ ws, insightId, ...e });
          q.touch.run(now, ws, insightId);
          return load(ws, insightId);
        })(),
      ),
    removeEvidence: (ws, insightId, observationId, now) =>
      queue.run(() =>
        db.transaction(() => {
          const removed = q.removeEvidence.run(ws, insightId, observationId).changes > 0;
          if (removed) q.touch.run(now, ws, insightId);
          return removed;
        })(),
      ),
    createAction: (ws, a) =>
      queue.run(() => {
        if (!q.one.get(ws, a.insightId)) return null;
        q.insertAction.run({ ws, ...a });
        return loadAction(ws, a.id);
      }),
    getAction: (ws, id) => queue.run(() => loadAction(ws, id)),
    updateAction: (ws, id, changes, now) =>
      queue.run(() => {
        const cur = loadAction(ws, id);
        if (!cur) return null;
        const next = { ...cur, ...changes };
        q.updateAction.run({
          ws,
          id,
          title: next.title,
          owner: next.owner,
          due: next.due,
          status: next.status,
          now,
        });
        return loadAction(ws, id);
      }),
  };
}
