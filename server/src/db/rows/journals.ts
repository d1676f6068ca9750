// Rows of journals, insights, evidence links and actions and their mapping
// to the journal model, for both adapters (JSON and flags through the
// adapter's Decode; times are ISO text in both).
import type { Principles } from "../../insights/principles.ts";
import type { Action, Evidence, Insight, Journal, JournalScope } from "../../journals/model.ts";
import type { Decode } from "./decode.ts";

export type JournalRow = {
  id: string;
  title: string;
  question: string;
  goal: string;
  scope: unknown;
  archived: unknown;
  created_by: string;
  created_at: string;
  updated_at: string;
};

export type InsightRow = {
  id: string;
  journal_id: string;
  statement: string;
  needs: unknown;
  status: Insight["status"];
  principles: unknown;
  override_reason: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
};

export type EvidenceRow = {
  insight_id: string;
  observation_id: string;
  stance: Evidence["stance"];
  note: string | null;
  added_by: string;
  added_at: string;
};

export type ActionRow = {
  id: string;
  insight_id: string;
  title: string;
  owner: string | null;
  due: string | null;
  status: Action["status"];
  created_at: string;
  updated_at: string;
};

export const toEvidence = (r: EvidenceRow): Evidence => ({
  observationId: r.observation_id,
  stance: r.stance,
  note: r.note,
  addedBy: r.added_by,
  addedAt: r.added_at,
});

export const toAction = (r: ActionRow): Action => ({
  id: r.id,
  insightId: r.insight_id,
  title: r.title,
  owner: r.owner,
  due: r.due,
  status: r.status,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** The journal mappers over one adapter's Decode. */
export function journalRows(d: Decode) {
  return {
    toJournal: (r: JournalRow): Journal => ({
      id: r.id,
      title: r.title,
      question: r.question,
      goal: r.goal,
      scope: d.json(r.scope) as JournalScope,
      archived: d.flag(r.archived),
      createdBy: r.created_by,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    }),
    /** An insight row with its evidence links and actions, already mapped. */
    toInsight: (r: InsightRow, evidence: Evidence[], actions: Action[]): Insight => ({
      id: r.id,
      journalId: r.journal_id,
      statement: r.statement,
      needs: d.json(r.needs) as Insight["needs"],
      status: r.status,
      principles: d.json(r.principles) as Principles,
      overrideReason: r.override_reason,
      createdBy: r.created_by,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      evidence,
      actions,
    }),
  };
}
