// The principles scorecard: truth, resonance, relevance, uniqueness, each
// 0–3 with a note; the sum (0–12) and the weakest principle are shown so the
// manager knows what to strengthen first.
import { PRINCIPLES, type Principle, weakestPrinciple } from "@sightline/shared";
import { z } from "zod";

export const PrincipleScoreSchema = z.strictObject({
  score: z.number().int().min(0).max(3),
  note: z.string().max(2000).default(""),
});
export type PrincipleScore = z.infer<typeof PrincipleScoreSchema>;

export const PrinciplesSchema = z.strictObject({
  truth: PrincipleScoreSchema.optional(),
  resonance: PrincipleScoreSchema.optional(),
  relevance: PrincipleScoreSchema.optional(),
  uniqueness: PrincipleScoreSchema.optional(),
});
export type Principles = z.infer<typeof PrinciplesSchema>;

export type PrinciplesSummary = {
  /** Sum of the scores given, 0–12. */
  total: number;
  max: 12;
  /** How many of the four have a score. */
  scored: number;
  /** The weakest principle (shared/src/schema/insight.ts `weakestPrinciple`). */
  weakest: Principle | null;
};

export function summarisePrinciples(p: Principles): PrinciplesSummary {
  let total = 0;
  let scored = 0;
  for (const name of PRINCIPLES) {
    const s = p[name]?.score;
    if (s !== undefined) {
      total += s;
      scored++;
    }
  }
  return { total, max: 12, scored, weakest: weakestPrinciple(p) };
}

/** Merge a PATCH into stored scores: named principles replace, others stay. */
export function mergePrinciples(current: Principles, patch: Principles): Principles {
  return { ...current, ...patch };
}
