// Journals as the API shows them (docs: the HTTP API, "Journals and
// insights"): the journal list (with the observations in each scope and the
// insights), a journal page (timeline page, insights, stats over the whole
// scope) and the flat observation view of timelines. Objects stay open
// (loose) so a newer server's added field never fails an older client.
import * as z from "zod/mini";
import { CHANNEL_CODES } from "../vocabulary/channels.ts";
import { NEED_CODES } from "../vocabulary/needs.ts";
import { InsightSchema } from "./insight.ts";
import { ObservationFieldsSchema } from "./observation.ts";

/** What a journal covers; every part optional (empty = everything). */
export const JournalScopeViewSchema = z.looseObject({
  from: z.optional(z.string()),
  to: z.optional(z.string()),
  storeIds: z.optional(z.array(z.string())),
  competitorIds: z.optional(z.array(z.string())),
  channels: z.optional(z.array(z.enum(CHANNEL_CODES))),
  needs: z.optional(z.array(z.enum(NEED_CODES))),
  tags: z.optional(z.array(z.string())),
});
export type JournalScopeView = z.infer<typeof JournalScopeViewSchema>;

export const JournalSchema = z.looseObject({
  id: z.string(),
  title: z.string(),
  question: z.string(),
  goal: z.string(),
  scope: JournalScopeViewSchema,
  archived: z.boolean(),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Journal = z.infer<typeof JournalSchema>;

/** A journal in the list: with the observations in its whole scope and its insights. */
export const JournalListItemSchema = z.extend(JournalSchema, {
  observationCount: z.number(),
  insightCount: z.number(),
});
export type JournalListItem = z.infer<typeof JournalListItemSchema>;

/** GET /v1/journals: a page, newest first; `nextCursor` (null on the last page) asks for the next. */
export const JournalListSchema = z.looseObject({
  items: z.array(JournalListItemSchema),
  nextCursor: z.optional(z.nullable(z.string())),
});
/** POST /v1/journals. */
export const JournalCreatedSchema = z.looseObject({ id: z.string(), journal: JournalSchema });

/** The flat observation view of `GET /v1/observations` and journal timelines. */
export const ObservationViewSchema = z.looseObject({
  ...ObservationFieldsSchema.shape,
  id: z.string(),
  createdBy: z.string(),
  version: z.number(),
  channel: z.enum(CHANNEL_CODES),
  capturedAt: z.string(),
  what: z.string(),
  /** The 5W1H score, 0–6. */
  fiveW1H: z.number(),
});
export type ObservationView = z.infer<typeof ObservationViewSchema>;

const Counts = z.record(z.string(), z.number());

export const JournalStatsSchema = z.looseObject({
  /** Observations in the whole scope (the timeline is paged). */
  total: z.number(),
  byChannel: Counts,
  byNeed: Counts,
  byDay: Counts,
  fiveW1H: z.looseObject({ average: z.number(), answered: Counts }),
  /** channel → need → observations. */
  needsByChannel: z.record(z.string(), Counts),
});
export type JournalStats = z.infer<typeof JournalStatsSchema>;

/** GET /v1/journals/{id}. */
export const JournalPageSchema = z.looseObject({
  journal: JournalSchema,
  timeline: z.array(ObservationViewSchema),
  nextCursor: z.nullable(z.string()),
  /** A page of the journal's insights, oldest first (at most 200). */
  insights: z.array(InsightSchema),
  /**
   * Every insight of the journal, and the cursor to the next page of them
   * (`?insightCursor=`; null on the last). Optional: older answers and the
   * web app's fixtures have neither.
   */
  insightCount: z.optional(z.number()),
  insightsNextCursor: z.optional(z.nullable(z.string())),
  stats: JournalStatsSchema,
});
export type JournalPage = z.infer<typeof JournalPageSchema>;

/** GET /v1/observations. */
export const ObservationListSchema = z.looseObject({
  items: z.array(ObservationViewSchema),
  nextCursor: z.optional(z.nullable(z.string())),
});
