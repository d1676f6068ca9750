import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import type { Principal } from "../../db/port.ts";
import type { AppEnv } from "../../http/env.ts";
import { HttpProblem, problemResponse } from "../../http/problem.ts";
import { createRateLimiter, DEFAULT_RATE_LIMITS } from "./index.ts";
import { createBuckets } from "./token-bucket.ts";

describe("token buckets", () => {
  it("allows a burst of `capacity`, then refills at `perSecond`", () => {
    let t = 0;
    const b = createBuckets({ capacity: 3, perSecond: 1 }, () => t);
    expect([1, 2, 3].map(() => b.take("k").ok)).toEqual([true, true, true]);
    expect(b.take("k")).toEqual({ ok: false, retryAfterSec: 1 });
    expect(b.take("other").ok).toBe(true);
    t += 1000;
    expect(b.take("k").ok).toBe(true);
  });
});

describe("rate limit middleware", () => {
  function app(principal: Principal | null) {
    let t = 0;
    const limiter = createRateLimiter(
      {
        ...DEFAULT_RATE_LIMITS,
        perPrincipal: { capacity: 2, perSecond: 1 },
        perIp: { capacity: 1, perSecond: 1 },
      },
      () => t,
    );
    const a = new Hono<AppEnv>()
      .use(async (c, next) => {
        c.set("principal", principal);
        await next();
      })
      .use(limiter.middleware)
      .onError((e) =>
        e instanceof HttpProblem ? problemResponse(e) : new Response(null, { status: 500 }),
      )
      .get("/", (c) => c.text("ok"));
    return { a, tick: (ms: number) => (t += ms) };
  }

  it("answers 429 problem+json with Retry-After per token", async () => {
    const { a, tick } = app({
      type: "user",
      workspaceId: "w",
      userId: "u",
      role: "admin",
      email: "a@b",
    });
    expect((await a.request("/")).status).toBe(200);
    expect((await a.request("/")).status).toBe(200);
    const limited = await a.request("/");
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("1");
    expect(limited.headers.get("content-type")).toBe("application/problem+json");
    tick(1000);
    expect((await a.request("/")).status).toBe(200);
  });

  it("never limits anonymous requests in the middleware; login attempts per account", async () => {
    const { a } = app(null);
    for (let i = 0; i < 50; i++) expect((await a.request("/")).status).toBe(200);
    const limiter = createRateLimiter(DEFAULT_RATE_LIMITS, () => 0);
    for (let i = 0; i < DEFAULT_RATE_LIMITS.login.capacity; i++)
      await limiter.check("login", "an@example.com");
    await expect(limiter.check("login", "an@example.com")).rejects.toBeInstanceOf(HttpProblem);
    await expect(limiter.check("login", "other@example.com")).resolves.toBeUndefined();
  });

  it("can be switched off", async () => {
    const off = createRateLimiter(false);
    await expect(off.check("login", "x")).resolves.toBeUndefined();
  });

  it("keys anonymous abuse-prone routes by X-Forwarded-For only behind trusted proxies", async () => {
    const limiter = (trustedProxies: number) =>
      createRateLimiter(
        { ...DEFAULT_RATE_LIMITS, perIp: { capacity: 1, perSecond: 0.001 }, trustedProxies },
        () => 0,
      );
    const appWith = (trustedProxies: number) => {
      const l = limiter(trustedProxies);
      return new Hono<AppEnv>()
        .use(async (c, next) => {
          c.set("principal", null);
          await next();
        })
        .use(async (c, next) => {
          await l.checkAddress(c);
          await next();
        })
        .onError((e) =>
          e instanceof HttpProblem ? problemResponse(e) : new Response(null, { status: 500 }),
        )
        .get("/", (c) => c.text("ok"));
    };
    const from = async (a: Hono<AppEnv>, xff: string) =>
      (await a.request("/", { headers: { "x-forwarded-for": xff } })).status;

    // No trusted proxy: the header is the caller's own claim and changes nothing.
    const direct = appWith(0);
    expect(await from(direct, "10.0.0.1")).toBe(200);
    expect(await from(direct, "10.0.0.2")).toBe(429);

    // One proxy: the rightmost address is the caller; what the client prepends is ignored.
    const proxied = appWith(1);
    expect(await from(proxied, "10.0.0.1")).toBe(200);
    expect(await from(proxied, "10.0.0.2")).toBe(200);
    expect(await from(proxied, "spoofed, 10.0.0.1")).toBe(429);
    // Two hops but one address: not through both proxies, so the peer address counts.
    const twoHops = appWith(2);
    expect(await from(twoHops, "10.0.0.3")).toBe(200);
    expect(await from(twoHops, "10.0.0.4")).toBe(429);
    expect(await from(twoHops, "10.0.0.5, 10.9.9.9")).toBe(200);
  });
});

describe("API-key budgets across instances", () => {
  // Two instances behind one load balancer, sharing the database's buckets
  // (a real SQLite Db stands in for PostgreSQL's: the same RateBucketsDb port,
  // covered on both adapters by the accounts contract).
  it("a key's budget is one across instances when buckets are shared; a person's stays per instance", async () => {
    const { openSqliteParts } = await import("../../db/sqlite/open.ts");
    const parts = openSqliteParts(":memory:");
    try {
      const t = 0;
      const limits = { ...DEFAULT_RATE_LIMITS, perPrincipal: { capacity: 2, perSecond: 1 } };
      const instance = (principal: Principal) => {
        const limiter = createRateLimiter(limits, () => t, parts.db);
        return new Hono<AppEnv>()
          .use(async (c, next) => {
            c.set("principal", principal);
            await next();
          })
          .use(limiter.middleware)
          .onError((e) =>
            e instanceof HttpProblem ? problemResponse(e) : new Response(null, { status: 500 }),
          )
          .get("/", (c) => c.text("ok"));
      };
      const key: Principal = {
        type: "api-key",
        workspaceId: "w",
        keyId: "k1",
        scope: "read",
      } as Principal;
      const [a, b] = [instance(key), instance(key)];
      expect((await a.request("/")).status).toBe(200);
      expect((await b.request("/")).status).toBe(200);
      // Two instances, one budget of 2: the third request is refused wherever it lands.
      expect((await a.request("/")).status).toBe(429);
      expect((await b.request("/")).status).toBe(429);

      const person: Principal = {
        type: "user",
        workspaceId: "w",
        userId: "u",
        role: "admin",
        email: "a@b",
      };
      const [p, q] = [instance(person), instance(person)];
      for (const x of [p, p, q, q]) expect((await x.request("/")).status).toBe(200);
    } finally {
      parts.close();
    }
  });
});
