// Analytics as the API shows them (GET /v1/analytics/feedback and
// /v1/analytics/behaviour), times bucketed in each store's time zone.
import * as z from "zod/mini";

const Counts = z.record(z.string(), z.number());
const CellSchema = z.looseObject({ count: z.number(), happyIndex: z.nullable(z.number()) });

export const FeedbackAnalyticsSchema = z.looseObject({
  /** Taps counted below. */
  total: z.number(),
  /** Suspect taps in the range, counted or not. */
  suspect: z.number(),
  includeSuspect: z.boolean(),
  faces: z.looseObject({ "1": z.number(), "2": z.number(), "3": z.number(), "4": z.number() }),
  /** Share of 3- and 4-face taps, 0–100; null without taps. */
  happyIndex: z.nullable(z.number()),
  /** [weekday 0 = Monday … 6 = Sunday][hour 0–23]. */
  byHourWeekday: z.array(z.array(CellSchema)),
  byReason: z.array(
    z.looseObject({
      reason: z.string(),
      need: z.nullable(z.string()),
      count: z.number(),
      happyIndex: z.nullable(z.number()),
    }),
  ),
  byDay: z.array(z.extend(CellSchema, { date: z.string() })),
  /** Taps left out because their time or rating could not be read. */
  unreadable: z.number(),
});
export type FeedbackAnalyticsResponse = z.infer<typeof FeedbackAnalyticsSchema>;

export const BehaviourAnalyticsSchema = z.looseObject({
  total: z.number(),
  /** One entry per (behaviour, zone, day) that has taps; zone "" = no zone. */
  cells: z.array(
    z.looseObject({ behaviour: z.string(), zone: z.string(), day: z.string(), count: z.number() }),
  ),
  byBehaviour: Counts,
  byZone: Counts,
  byDay: Counts,
  /** Store observations without a behaviour code (free notes), not in the cells. */
  withoutBehaviour: z.number(),
});
export type BehaviourAnalyticsResponse = z.infer<typeof BehaviourAnalyticsSchema>;
