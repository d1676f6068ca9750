// Rate limits that fit real networks (429 problem + Retry-After):
//
// - Signed-in people and paired devices: per token holder (user or device),
//   never per address — a store's tablets behind one NAT address do not
//   throttle each other. These budgets are per server instance (they guard
//   that instance's event loop) and kept in memory.
// - Anonymous callers: only the abuse-prone routes are limited — sign-in,
//   pairing and password reset redemption — per address (`checkAddress`) and
//   per account, code or known browser (`check`). Static files, /health and
//   everything else anonymous are never limited.
// - On PostgreSQL those named budgets live in the database (`shared`), so
//   every instance draws on the same buckets; on SQLite (one process) they
//   stay in memory.
// - API keys are the exception to "per instance": a BI tool or script is
//   one client that a load balancer spreads over every instance, so with
//   shared buckets its key draws on one budget in the database (one small
//   upsert per key request); a person's or device's stays in memory.
import type { Context, MiddlewareHandler } from "hono";
import type { RateBucketsDb } from "../../db/port.ts";
import type { AppEnv } from "../../http/env.ts";
import { HttpProblem } from "../../http/problem.ts";
import { type BucketSpec, createBuckets, type Take } from "./token-bucket.ts";

export type RateLimitOptions = {
  perPrincipal: BucketSpec;
  /** Per client address, on the anonymous abuse-prone routes only. */
  perIp: BucketSpec;
  /** Per email address on login. */
  login: BucketSpec;
  /** Per pairing code. */
  pairing: BucketSpec;
  /** Per known-device cookie on login (auth/known-device.ts), instead of per account. */
  knownDevice: BucketSpec;
  /** Per password reset code on redemption. */
  reset: BucketSpec;
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
  perIp: { capacity: 60, perSecond: 1 },
  login: { capacity: 10, perSecond: 1 / 30 },
  pairing: { capacity: 5, perSecond: 1 / 60 },
  knownDevice: { capacity: 10, perSecond: 1 / 30 },
  reset: { capacity: 5, perSecond: 1 / 60 },
  trustedProxies: 0,
};

export type NamedLimit = "login" | "pairing" | "knownDevice" | "reset";

export type RateLimiter = {
  /** Per token holder for signed-in callers; anonymous requests pass untouched. */
  middleware: MiddlewareHandler<AppEnv>;
  /** Rejects with a 429 problem when `key` of that kind is over its budget. */
  check(kind: NamedLimit, key: string): Promise<void>;
  /**
   * Rejects with a 429 problem when the caller's address is over its budget:
   * one budget per address shared by the anonymous abuse-prone routes, so
   * switching from guessing passwords to guessing codes buys nothing.
   */
  checkAddress(c: Context<AppEnv>): Promise<void>;
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

type AsyncBuckets = { take(key: string): Promise<Take> };

export function createRateLimiter(
  o: RateLimitOptions | false,
  now: () => number = Date.now,
  /** Buckets shared by every instance (PostgreSQL); in memory when absent. */
  shared?: RateBucketsDb,
): RateLimiter {
  if (!o)
    return {
      middleware: (_c, next) => next(),
      check: async () => {},
      checkAddress: async () => {},
    };
  const principals = createBuckets(o.perPrincipal, now);
  const bucketsOf = (kind: string, spec: BucketSpec): AsyncBuckets => {
    if (shared) return { take: (key) => shared.takeRateToken(`${kind}:${key}`, spec, now()) };
    const mem = createBuckets(spec, now);
    return { take: async (key) => mem.take(key) };
  };
  const named: Record<NamedLimit | "ip", AsyncBuckets> = {
    login: bucketsOf("login", o.login),
    pairing: bucketsOf("pairing", o.pairing),
    knownDevice: bucketsOf("known", o.knownDevice),
    reset: bucketsOf("reset", o.reset),
    ip: bucketsOf("ip", o.perIp),
  };
  const keys = bucketsOf("key", o.perPrincipal);
  const take = async (b: AsyncBuckets, key: string) => {
    const r = await b.take(key);
    if (!r.ok) throw tooMany(r.retryAfterSec);
  };
  return {
    middleware: async (c, next) => {
      const p = c.get("principal");
      // Per person, device or API key: a busy BI tool spends its key's budget, no one else's.
      if (p?.type === "api-key") await take(keys, `${p.workspaceId}:${p.keyId}`);
      else if (p) {
        const r = principals.take(
          p.type === "user" ? `u:${p.userId}` : `d:${p.workspaceId}:${p.deviceId}`,
        );
        if (!r.ok) throw tooMany(r.retryAfterSec);
      }
      await next();
    },
    check: (kind, key) => take(named[kind], key),
    checkAddress: (c) => take(named.ip, clientIp(c, o.trustedProxies)),
  };
}
