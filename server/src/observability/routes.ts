// Operators' routes: GET /health (liveness: the process answers), GET /ready
// (readiness: database writable, disk above the floor, migrations applied;
// 503 problem otherwise), GET /metrics (Prometheus, behind a bearer token;
// 404 when no token is configured, so it is never anonymous).
import { createHash, timingSafeEqual } from "node:crypto";
import { z } from "@hono/zod-openapi";
import type { AppDeps } from "../app-deps.ts";
import { ANYONE } from "../auth/roles.ts";
import { HttpProblem, ProblemSchema } from "../http/problem.ts";
import { defineRoute } from "../http/route.ts";
import { newRouter } from "../http/router.ts";
import type { ReadinessCheck, ReadinessProbe } from "./readiness.ts";

const HealthSchema = z.object({
  status: z.literal("ok"),
  db: z.enum(["sqlite", "postgres"]),
  version: z.string(),
});

const CheckSchema = z.object({
  name: z.enum(["database", "disk", "migrations"]),
  ok: z.boolean(),
  detail: z.string(),
});
const ReadySchema = z.object({ status: z.literal("ready"), checks: z.array(CheckSchema) });

const health = defineRoute(ANYONE, {
  method: "get",
  path: "/health",
  summary: "Liveness: the process answers (no database work)",
  responses: {
    200: { description: "Up", content: { "application/json": { schema: HealthSchema } } },
  },
});

const ready = defineRoute(ANYONE, {
  method: "get",
  path: "/ready",
  summary: "Readiness: database writable, free disk above the floor, migrations applied",
  responses: {
    200: { description: "Ready", content: { "application/json": { schema: ReadySchema } } },
    503: {
      description: "Not ready; `checks` says which check failed",
      content: {
        "application/problem+json": {
          schema: ProblemSchema.and(z.object({ checks: z.array(CheckSchema) })),
        },
      },
    },
  },
});

const metrics = defineRoute(ANYONE, {
  method: "get",
  path: "/metrics",
  summary: "Prometheus metrics (Authorization: Bearer $SIGHTLINE_METRICS_TOKEN)",
  responses: {
    200: { description: "Prometheus text", content: { "text/plain": { schema: z.string() } } },
    404: { description: "No metrics token is configured" },
  },
});

/** Without a probe (tests' in-memory apps) the database check is a read. */
const epochOnly =
  (deps: AppDeps): ReadinessProbe =>
  async () => {
    try {
      await deps.db.epoch();
      return [{ name: "database", ok: true, detail: "answers" }];
    } catch (e) {
      return [{ name: "database", ok: false, detail: String(e) }];
    }
  };

const digest = (s: string) => createHash("sha256").update(s).digest();

export function healthRoutes(deps: AppDeps) {
  const probe = deps.ready ?? epochOnly(deps);
  const metricsToken = deps.metricsToken ? digest(deps.metricsToken) : null;
  return newRouter()
    .openapi(health, (c) =>
      c.json({ status: "ok" as const, db: deps.db.dialect, version: deps.version }, 200),
    )
    .openapi(ready, async (c) => {
      const checks: ReadinessCheck[] = await probe();
      const failed = checks.filter((k) => !k.ok);
      if (failed.length === 0) return c.json({ status: "ready" as const, checks }, 200);
      const problem = {
        type: "urn:sightline:problem:not-ready",
        title: "Not ready",
        status: 503,
        detail: failed.map((k) => `${k.name}: ${k.detail}`).join("; "),
        checks,
      };
      return new Response(JSON.stringify(problem), {
        status: 503,
        headers: { "content-type": "application/problem+json", "retry-after": "10" },
      }) as never;
    })
    .openapi(metrics, (c) => {
      if (!metricsToken) throw new HttpProblem(404, "Not found", "no route for GET /metrics");
      const sent = c.req.header("authorization")?.match(/^Bearer\s+(\S+)$/i)?.[1];
      if (!sent || !timingSafeEqual(digest(sent), metricsToken))
        throw new HttpProblem(401, "Unauthorized", "send Authorization: Bearer <metrics token>", {
          headers: { "www-authenticate": "Bearer" },
        });
      c.header("content-type", "text/plain; version=0.0.4; charset=utf-8");
      return c.body(deps.metrics.render(), 200) as never;
    });
}
