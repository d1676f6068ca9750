// Liveness and metrics for operators: GET /health, GET /metrics.
import { z } from "@hono/zod-openapi";
import type { AppDeps } from "../app-deps.ts";
import { ANYONE } from "../auth/roles.ts";
import { defineRoute } from "../http/route.ts";
import { newRouter } from "../http/router.ts";

const HealthSchema = z.object({
  status: z.literal("ok"),
  db: z.enum(["sqlite", "postgres"]),
  version: z.string(),
});

const health = defineRoute(ANYONE, {
  method: "get",
  path: "/health",
  summary: "Liveness and database kind",
  responses: {
    200: { description: "Up", content: { "application/json": { schema: HealthSchema } } },
  },
});

const metrics = defineRoute(ANYONE, {
  method: "get",
  path: "/metrics",
  summary: "Prometheus metrics",
  responses: {
    200: { description: "Prometheus text", content: { "text/plain": { schema: z.string() } } },
  },
});

export function healthRoutes(deps: AppDeps) {
  return newRouter()
    .openapi(health, async (c) => {
      await deps.db.epoch();
      return c.json({ status: "ok" as const, db: deps.db.dialect, version: deps.version }, 200);
    })
    .openapi(metrics, (c) => {
      c.header("content-type", "text/plain; version=0.0.4; charset=utf-8");
      return c.body(deps.metrics.render(), 200) as never;
    });
}
