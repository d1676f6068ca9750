// Observations for people (staff and devices never read them here):
// GET /v1/observations with filters, accent-insensitive `q` and a cursor;
// GET /v1/observations/:id. Items are flat views with their 5W1H score.
import { z } from "@hono/zod-openapi";
import { CHANNEL_CODES, NEED_CODES } from "@sightline/shared";
import type { AppDeps } from "../app-deps.ts";
import { DATA_READERS } from "../auth/roles.ts";
import { notFound } from "../http/problem.ts";
import { defineRoute } from "../http/route.ts";
import { newRouter } from "../http/router.ts";
import { IdSchema } from "../http/shared-schemas.ts";
import { principalOf } from "../middleware/auth/index.ts";
import { foldText } from "./search-text.ts";
import { ObservationViewSchema, observationView } from "./view.ts";

const DAY_OR_TIME = z
  .string()
  .max(40)
  .refine(
    (s) => /^\d{4}-\d{2}-\d{2}(T.+)?$/.test(s) && !Number.isNaN(Date.parse(s)),
    "an ISO date or date-time",
  );

const QuerySchema = z.object({
  channel: z.enum(CHANNEL_CODES).optional(),
  storeId: IdSchema.optional(),
  competitorId: IdSchema.optional(),
  need: z.enum(NEED_CODES).optional(),
  tag: z.string().min(1).max(60).optional(),
  q: z.string().min(1).max(200).optional(),
  from: DAY_OR_TIME.optional(),
  to: DAY_OR_TIME.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});

/** `to` is exclusive; a bare date means "through the end of that day" (UTC). */
const endOf = (to: string) => Date.parse(to) + (to.length === 10 ? 86_400_000 : 0);

const list = defineRoute(DATA_READERS, {
  method: "get",
  path: "/",
  summary: "Search observations",
  request: { query: QuerySchema },
  responses: {
    200: {
      description: "A page",
      content: {
        "application/json": {
          schema: z.object({
            items: z.array(ObservationViewSchema),
            nextCursor: z.string().nullable(),
          }),
        },
      },
    },
  },
});
const one = defineRoute(DATA_READERS, {
  method: "get",
  path: "/{id}",
  summary: "One observation",
  request: { params: z.object({ id: IdSchema }) },
  responses: {
    200: {
      description: "The observation",
      content: { "application/json": { schema: ObservationViewSchema } },
    },
    404: { description: "Unknown, deleted or another workspace's" },
  },
});

export function observationRoutes(deps: AppDeps) {
  return newRouter()
    .openapi(list, async (c) => {
      const user = principalOf(c);
      const { from, to, q, ...rest } = c.req.valid("query");
      const page = await deps.db.listObservations(user.workspaceId, {
        ...rest,
        ...(q ? { q: foldText(q) } : {}),
        ...(from ? { fromMs: Date.parse(from) } : {}),
        ...(to ? { toMs: endOf(to) } : {}),
      });
      return c.json({ items: page.items.map(observationView), nextCursor: page.nextCursor }, 200);
    })
    .openapi(one, async (c) => {
      const e = await deps.db.getObservation(principalOf(c).workspaceId, c.req.valid("param").id);
      if (!e) throw notFound("observation");
      return c.json(observationView(e), 200);
    });
}
