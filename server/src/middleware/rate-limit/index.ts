// Rate limits (429 problem + Retry-After): per token for signed-in callers and
// devices, per IP for anonymous ones, and separate, tighter buckets that the
// login and pairing routes check per account and per code — so guessing a
// password or a code is slow even from many addresses.
import type { Context, MiddlewareHandler } from "hono";
import type { AppEnv } from "../../http/env.ts";
import { HttpProblem } from "../../http/problem.ts";
import { type BucketSpec, createBuckets } from "./token-bucket.ts";

export type RateLimitOptions = {
  perPrincipal: BucketSpec;
  perIp: BucketSpec;
  /** Per email address on login. */
  login: BucketSpec;
  /** Per pairing code. */
  pairing: BucketSpec;
  /** Per known-device cookie on login (auth/known-device.ts), instead of per account. */
  knownDevice: BucketSpec;
  /**
   * Proxies in front of the server (SIGHTLINE_TRUSTED_PROXIES). Behind one,
   * every peer address is the proxy's, and all anonymous callers would share
   * one per-IP bucket; with n trusted hops the caller is the n-th address from
   * the right of X-Forwarded-For (the ones to its left are client-supplied).
   */
  trustedProxies: number;
};

export const DEFAULT_RATE_LIMITS: RateLimitOptions = {
  perPrincipal: { capacity: 600, perSecond: 20 },
  perIp: { capacity: 120, perSecond: 2 },
  login: { capacity: 10, perSecond: 1 / 30 },
  pairing: { capacity: 5, perSecond: 1 / 60 },
  knownDevice: { capacity: 10, perSecond: 1 / 30 },
  trustedProxies: 0,
};

export type RateLimiter = {
  middleware: MiddlewareHandler<AppEnv>;
  /** Throws a 429 problem when `key` of that kind is over its budget. */
  check(kind: "login" | "pairing" | "knownDevice", key: string): void;
};

/**
 * The caller's address: the peer under @hono/node-server ("local" under
 * app.request()), or, behind `trustedProxies` proxies, the address the
 * outermost trusted proxy saw. A header shorter than the chain of trusted
 * proxies did not come through them all: the peer address is kept.
 */
export function clientIp(c: Context<AppEnv>, trustedProxies = 0): string {
  const peer = c.env?.incoming?.socket?.remoteAddress ?? "local";
  if (trustedProxies <= 0) return peer;
  const hops = (c.req.header("x-forwarded-for") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  return hops[hops.length - trustedProxies] ?? peer;
}

const tooMany = (retryAfterSec: number) =>
  new HttpProblem(429, "Too many requests", `slow down; retry in ${retryAfterSec} s`, {
    headers: { "retry-after": String(retryAfterSec) },
  });

export function createRateLimiter(
  o: RateLimitOptions | false,
  now: () => number = Date.now,
): RateLimiter {
  if (!o) return { middleware: (_c, next) => next(), check: () => {} };
  const principals = createBuckets(o.perPrincipal, now);
  const ips = createBuckets(o.perIp, now);
  const named = {
    login: createBuckets(o.login, now),
    pairing: createBuckets(o.pairing, now),
    knownDevice: createBuckets(o.knownDevice, now),
  };
  return {
    middleware: async (c, next) => {
      const p = c.get("principal");
      const r = p
        ? principals.take(p.type === "user" ? `u:${p.userId}` : `d:${p.workspaceId}:${p.deviceId}`)
        : ips.take(clientIp(c, o.trustedProxies));
      if (!r.ok) throw tooMany(r.retryAfterSec);
      await next();
    },
    check(kind, key) {
      const r = named[kind].take(key);
      if (!r.ok) throw tooMany(r.retryAfterSec);
    },
  };
}
