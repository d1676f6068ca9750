// Analytics for people (docs/http-api.md "Analytics"): feedback faces, happy index,
// hour × weekday and reasons; behaviour × zone × day. Times are bucketed in
// each store's time zone. Readers of observations may read these. Answers
// come from in-memory day buckets kept up to date from the changes since
// the last request (tap-index.ts), never from a rescan of the channel.
import { z } from "@hono/zod-openapi";
import type { AppDeps } from "../app-deps.ts";
import { DATA_READERS } from "../auth/roles.ts";
import { defineRoute } from "../http/route.ts";
import { newRouter } from "../http/router.ts";
import { IdSchema } from "../http/shared-schemas.ts";
import { DayOrTimeSchema } from "../journals/model.ts";
import { BehaviourAnalyticsSchema, FeedbackAnalyticsSchema, json } from "../journals/schemas.ts";
import { scopeWindow } from "../journals/scope.ts";
import { workspaceContext } from "../journals/workspace-context.ts";
import { principalOf } from "../middleware/auth/index.ts";
import { type BehaviourData, behaviourTally, composeBehaviour } from "./behaviour-tally.ts";
import { composeFeedback, type FeedbackData, feedbackTally } from "./feedback-tally.ts";
import { localPartsOf } from "./local-time.ts";
import { createTapIndexes, type Tap } from "./tap-index.ts";

const Query = z.object({
  storeId: IdSchema.optional(),
  from: DayOrTimeSchema.optional(),
  to: DayOrTimeSchema.optional(),
});

const feedback = defineRoute(DATA_READERS, {
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
const behaviour = defineRoute(DATA_READERS, {
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

type Row = { id: string; fields: Record<string, unknown> };
type ZoneOf = (storeId: string | undefined) => string | undefined;
const str = (v: unknown) => (typeof v === "string" ? v : undefined);

function tapOf<D>({ id, fields: f }: Row, zoneOf: ZoneOf, data: D): Tap<D> {
  const capturedAt = str(f.capturedAt) ?? "";
  const ms = Date.parse(capturedAt);
  const storeId = str(f.storeId);
  return {
    id,
    ms: Number.isFinite(ms) ? ms : null,
    storeId,
    local: localPartsOf(capturedAt, zoneOf(storeId)),
    data,
  };
}
const toFeedback = (o: Row, zoneOf: ZoneOf) =>
  tapOf<FeedbackData>(o, zoneOf, {
    rating: typeof o.fields.rating === "number" ? o.fields.rating : undefined,
    reasons: Array.isArray(o.fields.reasons)
      ? o.fields.reasons.filter((r): r is string => typeof r === "string")
      : [],
    suspect: o.fields.suspect === true,
  });
const toBehaviour = (o: Row, zoneOf: ZoneOf) =>
  tapOf<BehaviourData>(o, zoneOf, {
    behaviour: str(o.fields.behaviour),
    zone: str(o.fields.zone) ?? "",
  });

export function analyticsRoutes(deps: AppDeps) {
  const feedbackIndexes = createTapIndexes(deps.db, "feedback", toFeedback, feedbackTally);
  const behaviourIndexes = createTapIndexes(deps.db, "store", toBehaviour, behaviourTally);
  deps.shutdown?.addEventListener("abort", () => {
    feedbackIndexes.stop();
    behaviourIndexes.stop();
  });
  if (deps.warmAnalytics) {
    // Off the request path from the start: every workspace's indexes are
    // built in the background (page by page) before the first viewer asks.
    setTimeout(async () => {
      try {
        for (const ws of await deps.db.listWorkspaces()) {
          const f = await frame(ws.id, {});
          await feedbackIndexes.get(ws.id, f.version, f.zones);
          await behaviourIndexes.get(ws.id, f.version, f.zones);
        }
        deps.logger.info("analytics indexes built");
      } catch (err) {
        deps.logger.warn({ err }, "analytics indexes not built at start; built on first use");
      }
    }, 1000).unref();
  }
  /** The workspace's version and stores' zones, and the window and store asked for. */
  async function frame(ws: string, q: z.infer<typeof Query>) {
    const [workspace, stores, ctx] = await Promise.all([
      deps.db.getWorkspace(ws),
      deps.db.listStores(ws),
      workspaceContext(deps.db, ws),
    ]);
    const zones = {
      byStore: new Map(stores.map((s) => [s.id, s.timeZone])),
      timeZoneOf: ctx.timeZoneOf,
    };
    const window = {
      ...scopeWindow({ ...(q.from ? { from: q.from } : {}), ...(q.to ? { to: q.to } : {}) }),
      ...(q.storeId ? { storeId: q.storeId } : {}),
    };
    return { version: workspace?.version ?? 0, zones, window, ctx };
  }
  return newRouter()
    .openapi(feedback, async (c) => {
      const ws = principalOf(c).workspaceId;
      const q = c.req.valid("query");
      const f = await frame(ws, q);
      const index = await feedbackIndexes.get(ws, f.version, f.zones);
      const includeSuspect = q.includeSuspect === "1" || q.includeSuspect === "true";
      return c.json(
        composeFeedback(index.select(f.window), { includeSuspect, reasonNeeds: f.ctx.reasonNeeds }),
        200,
      );
    })
    .openapi(behaviour, async (c) => {
      const ws = principalOf(c).workspaceId;
      const q = c.req.valid("query");
      const f = await frame(ws, q);
      const index = await behaviourIndexes.get(ws, f.version, f.zones);
      return c.json(composeBehaviour(index.select(f.window)), 200);
    });
}
