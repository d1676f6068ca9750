// Closed sets of the insight model (API.md "Journals and insights"). Wire
// names: the web app, exports and the database all use these codes.

/** How a piece of evidence bears on an insight. Only `supports` corroborates. */
export const STANCES = ["supports", "contradicts", "context"] as const;
export type Stance = (typeof STANCES)[number];

/** Insight life cycle, in order; `stale` can be reached from anywhere. */
export const INSIGHT_STATUSES = ["draft", "emerging", "validated", "actioned", "stale"] as const;
export type InsightStatus = (typeof INSIGHT_STATUSES)[number];

/** The four principles an insight is judged on (DOMAIN.md "The method", 3). */
export const PRINCIPLES = ["truth", "resonance", "relevance", "uniqueness"] as const;
export type Principle = (typeof PRINCIPLES)[number];

export const ACTION_STATUSES = ["todo", "doing", "done", "dropped"] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];
