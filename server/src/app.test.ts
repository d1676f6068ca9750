// The app as a whole: OpenAPI document with an access list on every
// operation, problem+json for unknown routes and bad bodies, health, metrics,
// security headers.
import { afterEach, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../test/support/test-app.ts";

let t: TestApp;
afterEach(() => t?.close());

type Doc = { paths: Record<string, Record<string, { "x-sightline-access"?: string[] }>> };

describe("createApp", () => {
  it("documents the shared schemas' caps and formats (mini schemas bridged to classic ones)", async () => {
    t = await createTestApp();
    // biome-ignore lint/suspicious/noExplicitAny: walking a JSON document
    const doc: any = await (await t.request("/v1/openapi.json")).json();
    const store = doc.paths["/v1/stores"].post.requestBody.content["application/json"].schema;
    expect(store.properties.name).toMatchObject({ type: "string", maxLength: 200 });
    expect(store.properties.zones).toMatchObject({ maxItems: 50, items: { maxLength: 100 } });
    expect(store.properties.behaviours.items.properties.code).toMatchObject({
      maxLength: 60,
      pattern: "^[a-z0-9][a-z0-9_-]*$",
    });
    const push = doc.paths["/v1/sync/push"].post.requestBody.content["application/json"].schema;
    expect(push.properties.mutations).toMatchObject({ type: "array", maxItems: 500 });
    expect(push.properties.mutations.items.properties.id).toMatchObject({ maxLength: 64 });
  });

  it("serves an OpenAPI document where every operation declares x-sightline-access", async () => {
    t = await createTestApp();
    const res = await t.request("/v1/openapi.json");
    expect(res.status).toBe(200);
    const doc = (await res.json()) as Doc;
    const ops = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => ({
        path,
        method,
        access: op["x-sightline-access"],
      })),
    );
    expect(ops.length).toBeGreaterThanOrEqual(20);
    for (const op of ops) expect(op.access, `${op.method} ${op.path}`).toBeInstanceOf(Array);
    expect(ops.find((o) => o.path === "/v1/sync/push")?.access).toEqual([
      "device:staff",
      "device:marketer",
    ]);
    expect(ops.find((o) => o.path === "/v1/users" && o.method === "post")?.access).toEqual([
      "admin",
    ]);
    expect(ops.find((o) => o.path === "/v1/users" && o.method === "get")?.access).toEqual([
      "admin",
      "manager",
    ]);
  });

  it("answers unknown routes with a 404 problem", async () => {
    t = await createTestApp();
    const res = await t.request("/v1/nope");
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(await res.json()).toMatchObject({
      status: 404,
      title: "Not found",
      type: expect.any(String),
      detail: expect.any(String),
    });
  });

  it("reports health and metrics", async () => {
    t = await createTestApp({ metricsToken: "scrape-token-0123456789" });
    expect(await (await t.request("/health")).json()).toEqual({
      status: "ok",
      db: "sqlite",
      version: "test",
    });
    const metrics = await (
      await t.request("/metrics", { headers: { authorization: "Bearer scrape-token-0123456789" } })
    ).text();
    expect(metrics).toContain(
      'sightline_http_requests_total{method="GET",route="/health",status="200"} 1',
    );
    expect(metrics).toContain("sightline_sse_clients 0");
  });

  it("sets security headers on API answers", async () => {
    t = await createTestApp();
    const res = await t.request("/health");
    expect(res.headers.get("content-security-policy")).toContain("script-src 'self'");
  });
});
