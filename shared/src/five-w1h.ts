// 5W1H completeness (0–6): who, what, when, where, why, how. `when` counts
// when capturedAt is set; `where` also counts a zone, URL or event name, since
// those answer "where" for their channel. Nudges, never blocks.
import type { ObservationFields } from "./schema/observation.ts";

export const FIVE_W1H = ["who", "what", "when", "where", "why", "how"] as const;
export type FiveW1H = (typeof FIVE_W1H)[number];

const filled = (v: unknown): boolean => typeof v === "string" && v.trim().length > 0;

/** Which of the six questions an observation answers. */
export function answeredFiveW1H(o: ObservationFields): Record<FiveW1H, boolean> {
  return {
    who: filled(o.who) || o.competitorId !== undefined || o.segment !== undefined,
    what: filled(o.what),
    when: filled(o.capturedAt),
    where:
      filled(o.where) ||
      filled(o.zone) ||
      filled(o.url) ||
      filled(o.eventName) ||
      o.storeId !== undefined,
    why: filled(o.why) || (o.reasons !== undefined && o.reasons.length > 0),
    how: filled(o.how) || o.durationSec !== undefined,
  };
}

export function fiveW1HScore(o: ObservationFields): number {
  return Object.values(answeredFiveW1H(o)).filter(Boolean).length;
}

export function missingFiveW1H(o: ObservationFields): FiveW1H[] {
  const a = answeredFiveW1H(o);
  return FIVE_W1H.filter((k) => !a[k]);
}
