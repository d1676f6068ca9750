// Insights as the API shows them (docs: the HTTP API, "Journals and
// insights"): the closed sets of the insight model, the principles scorecard
// with its one weakest-principle rule, evidence, actions, corroboration. The
// server declares its responses with these schemas, its tests parse
// responses with them, and the web app infers its types from them.
import * as z from "zod/mini";
import { NEED_CODES } from "../vocabulary/needs.ts";

/** How a piece of evidence bears on an insight. Only `supports` corroborates. */
export const STANCES = ["supports", "contradicts", "context"] as const;
export type Stance = (typeof STANCES)[number];

/** Insight life cycle, in order; `stale` can be reached from anywhere. */
export const INSIGHT_STATUSES = ["draft", "emerging", "validated", "actioned", "stale"] as const;
export type InsightStatus = (typeof INSIGHT_STATUSES)[number];

/** The four principles an insight is judged on. */
export const PRINCIPLES = ["truth", "resonance", "relevance", "uniqueness"] as const;
export type Principle = (typeof PRINCIPLES)[number];

export const ACTION_STATUSES = ["todo", "doing", "done", "dropped"] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** Each principle scores 0–3; four of them make 12. */
export const MAX_PRINCIPLE_SCORE = 3;
export const MAX_PRINCIPLES_TOTAL = MAX_PRINCIPLE_SCORE * PRINCIPLES.length;

export const PrincipleScoreSchema = z.looseObject({ score: z.number(), note: z.string() });
export type PrincipleScore = z.infer<typeof PrincipleScoreSchema>;
export const PrinciplesViewSchema = z.looseObject({
  truth: z.optional(PrincipleScoreSchema),
  resonance: z.optional(PrincipleScoreSchema),
  relevance: z.optional(PrincipleScoreSchema),
  uniqueness: z.optional(PrincipleScoreSchema),
});
/** Scores by principle; a principle not yet judged is absent. */
export type PrinciplesView = Partial<Record<Principle, { score: number; note?: string }>>;

/** A principle's score as the scorecard counts it: 0–3, unscored = 0. */
export function principleScore(p: PrinciplesView, name: Principle): number {
  const s = p[name]?.score;
  return typeof s === "number" && s >= 0 ? Math.min(MAX_PRINCIPLE_SCORE, Math.round(s)) : 0;
}

/**
 * The weakest principle: the lowest-scoring one, an unscored one counting as
 * 0 (an unjudged principle is the weakest link); ties go to the first in
 * PRINCIPLES order. Null while nothing is scored. The one rule the server's
 * scorecard and the web app's scorecard editor both use.
 */
export function weakestPrinciple(p: PrinciplesView): Principle | null {
  if (!PRINCIPLES.some((n) => typeof p[n]?.score === "number")) return null;
  let weakest: Principle = PRINCIPLES[0];
  for (const n of PRINCIPLES) if (principleScore(p, n) < principleScore(p, weakest)) weakest = n;
  return weakest;
}

export const ScorecardSchema = z.looseObject({
  /** Sum of the scores given, 0–12. */
  total: z.number(),
  max: z.number(),
  /** How many of the four have a score. */
  scored: z.number(),
  weakest: z.nullable(z.enum(PRINCIPLES)),
});
export type Scorecard = z.infer<typeof ScorecardSchema>;

export const EvidenceLinkSchema = z.looseObject({
  observationId: z.string(),
  stance: z.enum(STANCES),
  note: z.optional(z.nullable(z.string())),
});
export type EvidenceLink = z.infer<typeof EvidenceLinkSchema>;

export const ActionSchema = z.looseObject({
  id: z.string(),
  insightId: z.string(),
  title: z.string(),
  owner: z.nullable(z.string()),
  due: z.nullable(z.string()),
  status: z.enum(ACTION_STATUSES),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Action = z.infer<typeof ActionSchema>;

export const CorroborationSchema = z.looseObject({
  /** Distinct data types (channels; each import source its own) behind the supporting evidence. */
  channels: z.number(),
  observations: z.number(),
  singleSource: z.boolean(),
  /** The data types themselves: channel codes or `import:<source>`. */
  dataTypes: z.array(z.string()),
  /** Observations that contradict the insight. */
  contradicting: z.number(),
});
export type Corroboration = z.infer<typeof CorroborationSchema>;

export const InsightSchema = z.looseObject({
  id: z.string(),
  journalId: z.string(),
  statement: z.string(),
  needs: z.array(z.enum(NEED_CODES)),
  status: z.enum(INSIGHT_STATUSES),
  principles: PrinciplesViewSchema,
  overrideReason: z.nullable(z.string()),
  evidence: z.array(EvidenceLinkSchema),
  actions: z.array(ActionSchema),
  corroboration: CorroborationSchema,
  scorecard: ScorecardSchema,
});
export type Insight = z.infer<typeof InsightSchema>;

/** POST /v1/journals/{id}/insights. */
export const InsightCreatedSchema = z.looseObject({ id: z.string(), insight: InsightSchema });
/** POST /v1/insights/{id}/actions. */
export const ActionCreatedSchema = z.looseObject({ id: z.string(), action: ActionSchema });
