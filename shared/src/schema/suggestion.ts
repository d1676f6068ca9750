// Insight suggestions as the API shows them (GET /v1/journals/{id}/suggestions):
// theme groups and time links, each with why it was suggested.
import * as z from "zod/mini";
import { CHANNEL_CODES } from "../vocabulary/channels.ts";
import { NEED_CODES } from "../vocabulary/needs.ts";

const Counts = z.record(z.string(), z.number());
const Window = z.looseObject({ count: z.number(), days: z.number() });

/** Why a theme was suggested: what it groups and how tightly. */
export const ThemeWhySchema = z.looseObject({
  kind: z.literal("theme"),
  key: z.looseObject({ type: z.enum(["need", "behaviour", "tag", "term"]), code: z.string() }),
  observations: z.number(),
  shown: z.number(),
  channels: Counts,
  dataTypes: Counts,
  needs: z.record(z.string(), z.looseObject({ tagged: z.number(), inferred: z.number() })),
  topTerms: z.array(z.string()),
  coherence: z.number(),
  from: z.nullable(z.string()),
  to: z.nullable(z.string()),
  days: z.number(),
  /** The title's phrases per language: whole words of the members' texts (issue 16). */
  phrases: z.optional(z.looseObject({ vi: z.array(z.string()), en: z.array(z.string()) })),
  /** Two or three members nearest the topic's centre, one per kind of data first. */
  quotes: z.optional(
    z.array(
      z.looseObject({
        observationId: z.string(),
        channel: z.enum(CHANNEL_CODES),
        text: z.string(),
      }),
    ),
  ),
  /** The topic rests on one kind of data: never ranked above one spanning two. */
  oneSource: z.optional(z.boolean()),
});
export type ThemeWhy = z.infer<typeof ThemeWhySchema>;

export const TimeLinkSignalSchema = z.discriminatedUnion("type", [
  z.looseObject({
    type: z.literal("behaviour"),
    behaviour: z.string(),
    before: Window,
    after: Window,
    ratio: z.number(),
  }),
  z.looseObject({
    type: z.literal("complaints"),
    need: z.enum(NEED_CODES),
    before: Window,
    after: Window,
    ratio: z.number(),
  }),
  z.looseObject({
    type: z.literal("happy-index"),
    before: z.number(),
    after: z.number(),
    delta: z.number(),
    ratings: z.tuple([z.number(), z.number()]),
  }),
]);
export type TimeLinkSignal = z.infer<typeof TimeLinkSignalSchema>;

/** Why a time link was suggested: a competitor change, then what moved within the window. */
export const TimeLinkWhySchema = z.looseObject({
  kind: z.literal("time-link"),
  windowDays: z.number(),
  change: z.looseObject({
    kind: z.enum(["price", "claim"]),
    competitorId: z.string(),
    competitor: z.string(),
    at: z.string(),
    price: z.optional(
      z.looseObject({ from: z.number(), to: z.number(), currency: z.string(), pct: z.number() }),
    ),
    observationIds: z.array(z.string()),
  }),
  signals: z.array(TimeLinkSignalSchema),
});
export type TimeLinkWhy = z.infer<typeof TimeLinkWhySchema>;

export const SuggestionSchema = z.looseObject({
  kind: z.enum(["theme", "time-link"]),
  title: z.string(),
  needs: z.array(z.enum(NEED_CODES)),
  observationIds: z.array(z.string()),
  channels: z.array(z.enum(CHANNEL_CODES)),
  score: z.number(),
  why: z.discriminatedUnion("kind", [ThemeWhySchema, TimeLinkWhySchema]),
});
export type Suggestion = z.infer<typeof SuggestionSchema>;

/** GET /v1/journals/{id}/suggestions: cross-channel first; time links apart. */
export const SuggestionsSchema = z.looseObject({
  suggestions: z.array(SuggestionSchema),
  timeLinks: z.array(SuggestionSchema),
});
export type Suggestions = z.infer<typeof SuggestionsSchema>;
