// OpenAPI response shapes of the journal, insight and action routes. Key
// fields are spelled out for the generated document; objects stay open
// (catchall) so the document never lags behind an added field.
import { z } from "@hono/zod-openapi";
import { ObservationViewSchema } from "../observations/view.ts";

const open = <T extends z.ZodRawShape>(shape: T) => z.object(shape).catchall(z.unknown());

export const JournalSchema = open({
  id: z.string(),
  title: z.string(),
  question: z.string(),
  goal: z.string(),
  scope: z.record(z.string(), z.unknown()),
  archived: z.boolean(),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
}).openapi("Journal");

export const ActionSchema = open({
  id: z.string(),
  insightId: z.string(),
  title: z.string(),
  owner: z.string().nullable(),
  due: z.string().nullable(),
  status: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
}).openapi("Action");

export const InsightSchema = open({
  id: z.string(),
  journalId: z.string(),
  statement: z.string(),
  needs: z.array(z.string()),
  status: z.string(),
  principles: z.record(z.string(), z.unknown()),
  overrideReason: z.string().nullable(),
  evidence: z.array(
    open({ observationId: z.string(), stance: z.string(), note: z.string().nullable() }),
  ),
  actions: z.array(ActionSchema),
  corroboration: open({
    channels: z.number(),
    observations: z.number(),
    singleSource: z.boolean(),
    dataTypes: z.array(z.string()),
    contradicting: z.number(),
  }),
  scorecard: open({
    total: z.number(),
    max: z.number(),
    scored: z.number(),
    weakest: z.string().nullable(),
  }),
}).openapi("Insight");

export const StatsSchema = open({
  total: z.number(),
  byChannel: z.record(z.string(), z.number()),
  byNeed: z.record(z.string(), z.number()),
  byDay: z.record(z.string(), z.number()),
  fiveW1H: open({ average: z.number(), answered: z.record(z.string(), z.number()) }),
  needsByChannel: z.record(z.string(), z.record(z.string(), z.number())),
}).openapi("JournalStats");

export const JournalPageSchema = z
  .object({
    journal: JournalSchema,
    timeline: z.array(ObservationViewSchema),
    nextCursor: z.string().nullable(),
    insights: z.array(InsightSchema),
    stats: StatsSchema,
  })
  .openapi("JournalPage");

export const SuggestionSchema = open({
  kind: z.enum(["theme", "time-link"]),
  title: z.string(),
  needs: z.array(z.string()),
  observationIds: z.array(z.string()),
  channels: z.array(z.string()),
  score: z.number(),
  why: z.record(z.string(), z.unknown()),
}).openapi("Suggestion");

export const json = <T extends z.ZodType>(schema: T) => ({ "application/json": { schema } });
