// Segment chips of the staff pad. Mirrors AGE_BANDS / PARTIES of the shared
// observation schema (a test keeps them equal) so the UI bundle does not pull
// zod in just for two lists.
export const AGE_BANDS = ["under-18", "18-24", "25-34", "35-44", "45-54", "55-plus"] as const;
export const PARTIES = ["alone", "couple", "family", "group"] as const;
/** Reserved feedback reason for a walk-away (shared TIMEOUT_REASON). */
export const TIMEOUT_REASON = "timeout";

export type AgeBand = (typeof AGE_BANDS)[number];
export type Party = (typeof PARTIES)[number];
export type Segment = { ageBand?: AgeBand; party?: Party };
