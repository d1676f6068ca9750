// The four-principle scorecard (docs/domain.md "Judge"): each principle 0–3, the
// sum out of 12 and the weakest principle — the one to work on next. The
// weakest-principle rule and the score reading are the shared ones
// (shared/src/schema/insight.ts), the same the server's scorecard uses.
import {
  MAX_PRINCIPLE_SCORE,
  MAX_PRINCIPLES_TOTAL,
  principleScore,
  weakestPrinciple,
} from "@sightline/shared/schema/insight";
import { PRINCIPLES, type Principle, type Principles } from "../api/types.ts";

export { weakestPrinciple };
export const MAX_SCORE = MAX_PRINCIPLE_SCORE;
export const MAX_TOTAL = MAX_PRINCIPLES_TOTAL;

export function scoreOf(p: Principles, name: Principle): number {
  return principleScore(p, name);
}

export function isScored(p: Principles): boolean {
  return PRINCIPLES.some((n) => typeof p[n]?.score === "number");
}

/** Sum of the four scores; an unscored principle counts 0. */
export function principleTotal(p: Principles): number {
  return PRINCIPLES.reduce((sum, n) => sum + scoreOf(p, n), 0);
}
