import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { createMetrics } from "../../observability/metrics.ts";
import { countRequests } from "./index.ts";

describe("countRequests", () => {
  it("labels by route pattern and status, in Prometheus text", async () => {
    const metrics = createMetrics();
    const app = new Hono().use(countRequests(metrics)).get("/v1/things/:id", (c) => c.text("ok"));
    await app.request("/v1/things/1");
    await app.request("/v1/things/2");
    await app.request("/nope");
    const text = metrics.render();
    expect(text).toContain(
      'sightline_http_requests_total{method="GET",route="/v1/things/:id",status="200"} 2',
    );
    expect(text).toContain('route="unmatched",status="404"} 1');
    expect(text).toContain("# TYPE sightline_http_requests_total counter");
  });
});
