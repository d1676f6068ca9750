// The principles scorecard: truth, resonance, relevance, uniqueness, each
// 0–3 with a note; the sum (0–12) and the weakest principle are shown so the
// manager knows what to strengthen first.
import { z } from "zod";
import { PRINCIPLES, type Principle } from "./vocabulary.ts";

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
  /**
   * The lowest-scoring principle, an unscored one counting as 0; ties go to
   * the first in PRINCIPLES order. Null while nothing is scored.
   */
  weakest: Principle | null;
};

export function summarisePrinciples(p: Principles): PrinciplesSummary {
  let total = 0;
  let scored = 0;
  let weakest: Principle | null = null;
  let lowest = Number.POSITIVE_INFINITY;
  for (const name of PRINCIPLES) {
    const s = p[name]?.score;
    if (s !== undefined) {
      total += s;
      scored++;
    }
    if ((s ?? 0) < lowest) {
      lowest = s ?? 0;
      weakest = name;
    }
  }
  return { total, max: 12, scored, weakest: scored === 0 ? null : weakest };
}

/** Merge a PATCH into stored scores: named principles replace, others stay. */
export function mergePrinciples(current: Principles, patch: Principles): Principles {
  return { ...current, ...patch };
}
