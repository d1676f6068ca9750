// GET /v1/journals/{id}/timeline (docs/http-api.md "Journal timeline"): one
// page of the journal's whole scope through the timeline's filters and
// search, with the exact total, store and competitor names, and — with `q` —
// BM25 scores and the matched stretches of each field.
import { z } from "@hono/zod-openapi";
import { BASES, CHANNEL_CODES, NEED_CODES, TimelinePageSchema } from "@sightline/shared";
import { SEARCH_FIELDS } from "@sightline/shared/text/search-text";
import { DATA_READERS } from "../../auth/roles.ts";
import type { TimelineResult, TimelineWord } from "../../db/port.ts";
import { classicTwin } from "../../http/classic-twin.ts";
import { defineRoute } from "../../http/route.ts";
import { IdSchema } from "../../http/shared-schemas.ts";
import { observationView } from "../../observations/view.ts";
import { DayOrTimeSchema } from "../model.ts";
import { markFields } from "./marks.ts";

/** One value or the value repeated (`?need=price&need=speed`): OR within the filter. */
const oneOrMany = <T extends z.ZodType>(s: T) => z.union([s, z.array(s).max(50)]).optional();

export const TimelineResponseSchema = classicTwin(TimelinePageSchema).openapi("TimelinePage");

export const timelineRoute = defineRoute(DATA_READERS, {
  method: "get",
  path: "/{id}/timeline",
  summary:
    "The journal's whole scope through filters and search: a page, the exact total, a stable cursor",
  request: {
    params: z.object({ id: IdSchema }),
    query: z.object({
      channel: oneOrMany(z.enum(CHANNEL_CODES)),
      storeId: oneOrMany(IdSchema),
      competitorId: oneOrMany(IdSchema),
      need: oneOrMany(z.enum(NEED_CODES)),
      tag: oneOrMany(z.string().min(1).max(60)),
      basis: oneOrMany(z.enum(BASES)),
      q: z.string().min(1).max(200).optional(),
      from: DayOrTimeSchema.optional(),
      to: DayOrTimeSchema.optional(),
      cursor: z.string().max(2000).optional(),
      limit: z.coerce.number().int().min(1).max(200).default(50),
    }),
  },
  responses: {
    200: {
      description: "Newest first; with q, most relevant first",
      content: { "application/json": { schema: TimelineResponseSchema } },
    },
    404: { description: "No such journal" },
  },
});

/** The response body: each item as the flat view with names, and with `q` its score and marks. */
export function timelineBody(
  r: TimelineResult,
  words: readonly TimelineWord[],
  names: { stores: Record<string, string>; competitors: Record<string, string> },
) {
  const folded = words.map((w) => w.word);
  return {
    items: r.items.map(({ entity, score }) => {
      const f = entity.fields as { storeId?: string; competitorId?: string };
      const view: Record<string, unknown> = {
        ...observationView(entity),
        ...(f.storeId ? { storeName: names.stores[f.storeId] ?? null } : {}),
        ...(f.competitorId ? { competitorName: names.competitors[f.competitorId] ?? null } : {}),
      };
      if (score === undefined) return view;
      return { ...view, score, marks: markFields(view, SEARCH_FIELDS, folded) };
    }),
    nextCursor: r.nextCursor,
    total: r.total,
    order: words.length ? ("relevance" as const) : ("newest" as const),
  };
}
