// Analytics for people (docs/http-api.md "Analytics"): feedback faces, happy index,
// hour × weekday and reasons; behaviour × zone × day. Times are bucketed in
// each store's time zone. Readers of observations may read these.
import { z } from "@hono/zod-openapi";
import type { AppDeps } from "../app-deps.ts";
import { READERS } from "../auth/roles.ts";
import { defineRoute } from "../http/route.ts";
import { newRouter } from "../http/router.ts";
import { IdSchema } from "../http/shared-schemas.ts";
import { DayOrTimeSchema } from "../journals/model.ts";
import { BehaviourAnalyticsSchema, FeedbackAnalyticsSchema, json } from "../journals/schemas.ts";
import { workspaceContext } from "../journals/workspace-context.ts";
import { userOf } from "../middleware/auth/index.ts";
import { type BehaviourTap, behaviourAnalytics } from "./behaviour.ts";
import { type FeedbackTap, feedbackAnalytics } from "./feedback.ts";

const Query = z.object({
  storeId: IdSchema.optional(),
  from: DayOrTimeSchema.optional(),
  to: DayOrTimeSchema.optional(),
});

const feedback = defineRoute(READERS, {
  method: "get",
  path: "/feedback",
  summary: "Feedback: faces, happy index (share of 3–4 faces), hour × weekday, by reason, by day",
  request: {
    query: Query.extend({ includeSuspect: z.enum(["0", "1", "true", "false"]).optional() }),
  },
  responses: {
    200: {
      description: "Feedback analytics",
      content: json(FeedbackAnalyticsSchema),
    },
  },
});
const behaviour = defineRoute(READERS, {
  method: "get",
  path: "/behaviour",
  summary: "Kiosk behaviours per behaviour × zone × local day",
  request: { query: Query },
  responses: {
    200: {
      description: "Behaviour analytics",
      content: json(BehaviourAnalyticsSchema),
    },
  },
});

type Row = { fields: Record<string, unknown> };
const str = (v: unknown) => (typeof v === "string" ? v : undefined);
const toTap = ({ fields: f }: Row): FeedbackTap => ({
  capturedAt: str(f.capturedAt) ?? "",
  rating: typeof f.rating === "number" ? f.rating : undefined,
  storeId: str(f.storeId),
  reasons: Array.isArray(f.reasons)
    ? f.reasons.filter((r): r is string => typeof r === "string")
    : undefined,
  suspect: f.suspect === true,
});
const toBehaviour = ({ fields: f }: Row): BehaviourTap => ({
  capturedAt: str(f.capturedAt) ?? "",
  behaviour: str(f.behaviour),
  zone: str(f.zone),
  storeId: str(f.storeId),
});

export function analyticsRoutes(deps: AppDeps) {
  const scopeOf = (channel: "feedback" | "store", q: z.infer<typeof Query>) => ({
    channels: [channel],
    ...(q.storeId ? { storeIds: [q.storeId] } : {}),
    ...(q.from ? { from: q.from } : {}),
    ...(q.to ? { to: q.to } : {}),
  });
  return newRouter()
    .openapi(feedback, async (c) => {
      const ws = userOf(c).workspaceId;
      const q = c.req.valid("query");
      const [rows, ctx] = await Promise.all([
        deps.db.scanScopedObservations(ws, scopeOf("feedback", q)),
        workspaceContext(deps.db, ws),
      ]);
      const taps = rows.filter((o) => !q.storeId || o.fields.storeId === q.storeId).map(toTap);
      const includeSuspect = q.includeSuspect === "1" || q.includeSuspect === "true";
      return c.json(
        feedbackAnalytics(taps, {
          includeSuspect,
          timeZoneOf: ctx.timeZoneOf,
          reasonNeeds: ctx.reasonNeeds,
        }),
        200,
      );
    })
    .openapi(behaviour, async (c) => {
      const ws = userOf(c).workspaceId;
      const q = c.req.valid("query");
      const [rows, ctx] = await Promise.all([
        deps.db.scanScopedObservations(ws, scopeOf("store", q)),
        workspaceContext(deps.db, ws),
      ]);
      const taps = rows
        .filter((o) => !q.storeId || o.fields.storeId === q.storeId)
        .map(toBehaviour);
      return c.json(behaviourAnalytics(taps, { timeZoneOf: ctx.timeZoneOf }), 200);
    });
}
