// The four-principle scorecard (DOMAIN.md "Judge"): each principle 0–3, the
// sum out of 12 and the weakest principle — the one to work on next.
import { PRINCIPLES, type Principle, type Principles } from "../api/types.ts";

export const MAX_SCORE = 3;
export const MAX_TOTAL = MAX_SCORE * PRINCIPLES.length;

export function scoreOf(p: Principles, name: Principle): number {
  const s = p[name]?.score;
  return typeof s === "number" && s >= 0 ? Math.min(MAX_SCORE, Math.round(s)) : 0;
}

export function isScored(p: Principles): boolean {
  return PRINCIPLES.some((n) => typeof p[n]?.score === "number");
}

/** Sum of the four scores; an unscored principle counts 0. */
export function principleTotal(p: Principles): number {
  return PRINCIPLES.reduce((sum, n) => sum + scoreOf(p, n), 0);
}

/**
 * The lowest-scoring principle (first in the fixed order on ties), or null
 * while nothing has been scored. An unscored principle counts as 0: an
 * unjudged principle is the weakest link.
 */
export function weakestPrinciple(p: Principles): Principle | null {
  if (!isScored(p)) return null;
  let weakest: Principle = PRINCIPLES[0];
  for (const n of PRINCIPLES) if (scoreOf(p, n) < scoreOf(p, weakest)) weakest = n;
  return weakest;
}
