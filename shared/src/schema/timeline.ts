// The whole-journal timeline (docs/http-api.md "Journal timeline"):
// `GET /v1/journals/{id}/timeline` answers one page of the observations in a
// journal's scope that pass every filter, the exact number that pass
// (`total`, over the whole scope, not the page) and a cursor for the next
// page. With `q` the page is ranked by relevance (BM25) and each item says
// where the query's words matched (`marks`); without it, newest first. The
// server declares its response with this schema and the web app parses it.
import * as z from "zod/mini";
import type { CHANNEL_CODES } from "../vocabulary/channels.ts";
import type { NEED_CODES } from "../vocabulary/needs.ts";
import { ObservationViewSchema } from "./journal.ts";
import type { BASES } from "./observation.ts";

/** A matched stretch of a field's text: [start, end) in UTF-16 code units of the value sent. */
export const TimelineMarkSchema = z.tuple([z.number(), z.number()]);
export type TimelineMark = z.infer<typeof TimelineMarkSchema>;

/**
 * The fields a mark can point into: the observation's own text fields, its
 * tags (`tags.0`, `tags.1`, …), the evidence quote (`evidence.quote`) and the
 * names of its store and competitor (`storeName`, `competitorName`).
 */
export const TimelineItemSchema = z.extend(ObservationViewSchema, {
  /** The store's name when the observation has a store (null when unknown or removed). */
  storeName: z.optional(z.nullable(z.string())),
  competitorName: z.optional(z.nullable(z.string())),
  /** BM25 relevance of the item to `q` (only with `q`; higher is better). */
  score: z.optional(z.number()),
  /** Field → matched ranges of the query's words (only with `q`). */
  marks: z.optional(z.record(z.string(), z.array(TimelineMarkSchema))),
});
export type TimelineItem = z.infer<typeof TimelineItemSchema>;

export const TIMELINE_ORDERS = ["relevance", "newest"] as const;
export type TimelineOrder = (typeof TIMELINE_ORDERS)[number];

/** GET /v1/journals/{id}/timeline. */
export const TimelinePageSchema = z.looseObject({
  items: z.array(TimelineItemSchema),
  /** Opaque; null on the last page. Stable while new observations arrive. */
  nextCursor: z.nullable(z.string()),
  /** Observations of the journal's whole scope that pass every filter (exact). */
  total: z.number(),
  /** `relevance` with `q`, `newest` (capturedAt, newest first) without. */
  order: z.optional(z.enum(TIMELINE_ORDERS)),
});
export type TimelinePage = z.infer<typeof TimelinePageSchema>;

/**
 * The filters of the timeline query as the web app sends them. Different
 * filters combine with AND; repeated values of one filter combine with OR
 * (`channel=web&channel=store`: web or store). All narrow the journal's own
 * scope, never widen it.
 */
export type TimelineFilters = {
  channel?: (typeof CHANNEL_CODES)[number][];
  storeId?: string[];
  competitorId?: string[];
  need?: (typeof NEED_CODES)[number][];
  tag?: string[];
  basis?: (typeof BASES)[number][];
  q?: string;
  /** Inclusive; ISO date-time, or a date (that day's start in the workspace's time zone). */
  from?: string;
  /** Exclusive; ISO date-time, or a date (that whole day included, workspace time zone). */
  to?: string;
};
