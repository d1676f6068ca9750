// PostgreSQL: insights with their evidence links and actions. Deleted
// insights and actions (deleted_at, migration 11) read as absent until restored.
import type { Insight } from "../../journals/model.ts";
import { ConflictError, type InsightsDb } from "../port.ts";
import {
  type ActionRow,
  type EvidenceRow,
  type InsightRow,
  toAction,
  toEvidence,
} from "../rows/journals.ts";
import type { PgHandle } from "./handle.ts";
import { toInsight } from "./rows.ts";

export function createInsightsPart({ sql }: PgHandle): InsightsDb {
  const load = async (ws: string, id: string): Promise<Insight | null> => {
    const [r] = await sql<
      InsightRow[]
    >`SELECT * FROM insights WHERE workspace_id = ${ws} AND id = ${id} AND deleted_at IS NULL`;
    if (!r) return null;
    const ev = await sql<EvidenceRow[]>`SELECT * FROM insight_evidence
      WHERE workspace_id = ${ws} AND insight_id = ${id} ORDER BY added_at, observation_id`;
    const ac = await sql<ActionRow[]>`SELECT * FROM actions
      WHERE workspace_id = ${ws} AND insight_id = ${id} AND deleted_at IS NULL ORDER BY created_at, id`;
    return toInsight(r, ev.map(toEvidence), ac.map(toAction));
  };
  const loadAction = async (ws: string, id: string) => {
    const [r] = await sql<
      ActionRow[]
    >`SELECT * FROM actions WHERE workspace_id = ${ws} AND id = ${id} AND deleted_at IS NULL`;
    return r ? toAction(r) : null;
  };
  const exists = async (ws: string, id: string) =>
    (
      await sql`SELECT 1 FROM insights WHERE workspace_id = ${ws} AND id = ${id} AND deleted_at IS NULL`
    ).length > 0;

  return {
    async createInsight(ws, i) {
      await sql.begin(async (tx) => {
        const [j] =
          await tx`SELECT 1 FROM journals WHERE workspace_id = ${ws} AND id = ${i.journalId}`;
        if (!j) throw new ConflictError(`no journal ${i.journalId}`);
        await tx`INSERT INTO insights (workspace_id, id, journal_id, statement, needs, status,
          principles, override_reason, created_by, created_at, updated_at) VALUES (${ws}, ${i.id},
          ${i.journalId}, ${i.statement}, ${tx.json(i.needs as never)}, 'draft', '{}'::jsonb, NULL,
          ${i.createdBy}, ${i.createdAt}, ${i.createdAt})`;
        for (const e of i.evidence) {
          await tx`INSERT INTO insight_evidence (workspace_id, insight_id, observation_id, stance, note,
            added_by, added_at) VALUES (${ws}, ${i.id}, ${e.observationId}, ${e.stance}, ${e.note},
            ${e.addedBy}, ${e.addedAt}) ON CONFLICT DO NOTHING`;
        }
      });
      return (await load(ws, i.id)) as Insight;
    },
    getInsight: load,
    async listInsights(ws, journalId) {
      const rows = await sql<InsightRow[]>`SELECT * FROM insights
        WHERE workspace_id = ${ws} AND journal_id = ${journalId} AND deleted_at IS NULL
        ORDER BY created_at, id`;
      const ev = await sql<EvidenceRow[]>`SELECT e.* FROM insight_evidence e JOIN insights i
        ON i.workspace_id = e.workspace_id AND i.id = e.insight_id
        WHERE e.workspace_id = ${ws} AND i.journal_id = ${journalId} ORDER BY e.added_at, e.observation_id`;
      const ac = await sql<ActionRow[]>`SELECT a.* FROM actions a JOIN insights i
        ON i.workspace_id = a.workspace_id AND i.id = a.insight_id
        WHERE a.workspace_id = ${ws} AND i.journal_id = ${journalId} AND a.deleted_at IS NULL
        ORDER BY a.created_at, a.id`;
      const group = <R extends { insight_id: string }, T>(list: R[], f: (r: R) => T) => {
        const m = new Map<string, T[]>();
        for (const r of list) m.set(r.insight_id, [...(m.get(r.insight_id) ?? []), f(r)]);
        return m;
      };
      const evidence = group(ev, toEvidence);
      const actions = group(ac, toAction);
      return rows.map((r) => toInsight(r, evidence.get(r.id) ?? [], actions.get(r.id) ?? []));
    },
    async updateInsight(ws, id, changes, now) {
      const cur = await load(ws, id);
      if (!cur) return null;
      const n = { ...cur, ...changes };
      await sql`UPDATE insights SET statement = ${n.statement}, needs = ${sql.json(n.needs as never)},
        status = ${n.status}, principles = ${sql.json(n.principles as never)},
        override_reason = ${n.overrideReason}, updated_at = ${now}
        WHERE workspace_id = ${ws} AND id = ${id}`;
      return load(ws, id);
    },
    async putEvidence(ws, insightId, e, now) {
      if (!(await exists(ws, insightId))) return null;
      await sql`INSERT INTO insight_evidence (workspace_id, insight_id, observation_id, stance, note,
        added_by, added_at) VALUES (${ws}, ${insightId}, ${e.observationId}, ${e.stance}, ${e.note},
        ${e.addedBy}, ${e.addedAt}) ON CONFLICT (workspace_id, insight_id, observation_id)
        DO UPDATE SET stance = excluded.stance, note = excluded.note`;
      await sql`UPDATE insights SET updated_at = ${now} WHERE workspace_id = ${ws} AND id = ${insightId}`;
      return load(ws, insightId);
    },
    async removeEvidence(ws, insightId, observationId, now) {
      const r = await sql`DELETE FROM insight_evidence WHERE workspace_id = ${ws}
        AND insight_id = ${insightId} AND observation_id = ${observationId}`;
      if (r.count === 0) return false;
      await sql`UPDATE insights SET updated_at = ${now} WHERE workspace_id = ${ws} AND id = ${insightId}`;
      return true;
    },
    async createAction(ws, a) {
      if (!(await exists(ws, a.insightId))) return null;
      await sql`INSERT INTO actions (workspace_id, id, insight_id, title, owner, due, status, created_at,
        updated_at) VALUES (${ws}, ${a.id}, ${a.insightId}, ${a.title}, ${a.owner}, ${a.due}, 'todo',
        ${a.createdAt}, ${a.createdAt})`;
      return loadAction(ws, a.id);
    },
    getAction: loadAction,
    async updateAction(ws, id, changes, now) {
      const cur = await loadAction(ws, id);
      if (!cur) return null;
      const n = { ...cur, ...changes };
      await sql`UPDATE actions SET title = ${n.title}, owner = ${n.owner}, due = ${n.due},
        status = ${n.status}, updated_at = ${now} WHERE workspace_id = ${ws} AND id = ${id}`;
      return loadAction(ws, id);
    },
  };
}
