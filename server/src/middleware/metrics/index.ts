// Counts every answer by method, matched route pattern (not the raw path, so
// ids do not explode the label set) and status.
import type { MiddlewareHandler } from "hono";
import { routePath } from "hono/route";
import type { Metrics } from "../../observability/metrics.ts";

export function countRequests(metrics: Metrics): MiddlewareHandler {
  return async (c, next) => {
    await next();
    // After next(), the route index points at the handler that answered.
    const route = routePath(c);
    const label = !route || route === "*" || route === "/*" ? "unmatched" : route;
    metrics.requests.inc({ method: c.req.method, route: label, status: c.res.status });
  };
}
