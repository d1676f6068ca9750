// Authentication and authorization. `resolvePrincipal` turns a bearer token
// or the session cookie into a Principal (never rejecting on its own);
// `requireAccess` enforces a route's `x-sightline-access` list: 401 without a
// valid identity, 403 when the identity's role is not on the list.
import type { Context, MiddlewareHandler } from "hono";
import { getCookie } from "hono/cookie";
import { isApiKey } from "../../api-keys/key-format.ts";
import type { Access } from "../../auth/roles.ts";
import { SESSION_COOKIE, sha256Hex } from "../../auth/tokens.ts";
import type { Db, DevicePrincipal, Principal } from "../../db/port.ts";
import type { AppEnv } from "../../http/env.ts";
import { HttpProblem } from "../../http/problem.ts";

const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);

/** The token a request carries, and whether it came from the cookie. */
export function requestToken(c: Context): { token: string; cookie: boolean } | null {
  const header = c.req.header("authorization");
  const bearer = header?.match(/^Bearer\s+(\S+)$/i)?.[1];
  if (bearer) return { token: bearer, cookie: false };
  const cookie = getCookie(c, SESSION_COOKIE);
  return cookie ? { token: cookie, cookie: true } : null;
}

/** A cookie-authenticated write from another origin is ignored (CSRF). */
function crossSiteCookieWrite(c: Context): boolean {
  const origin = c.req.header("origin");
  return !SAFE.has(c.req.method) && origin !== undefined && origin !== new URL(c.req.url).origin;
}

/** `idleMinutes` > 0: a session unused for that long has ended (SIGHTLINE_SESSION_IDLE_MINUTES). */
export function resolvePrincipal(
  db: Db,
  now: () => Date,
  idleMinutes = 0,
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set("principal", null);
    c.set("badToken", false);
    const found = requestToken(c);
    if (found && !(found.cookie && crossSiteCookieWrite(c))) {
      const t = now();
      const idleSince =
        idleMinutes > 0 ? new Date(t.getTime() - idleMinutes * 60_000).toISOString() : undefined;
      // An API key (slk_…) is a bearer credential only: never read from the cookie.
      const p =
        isApiKey(found.token) && !found.cookie
          ? await db.resolveApiKey(sha256Hex(found.token), t.toISOString())
          : await db.resolveToken(sha256Hex(found.token), t.toISOString(), { idleSince });
      c.set("principal", p);
      c.set("badToken", p === null);
    }
    await next();
  };
}

export const accessOf = (p: Principal): Access =>
  p.type === "user" ? p.role : p.type === "device" ? `device:${p.role}` : `key:${p.scope}`;

export function requireAccess(access: readonly Access[]): MiddlewareHandler<AppEnv> {
  const allowed = new Set(access);
  return async (c, next) => {
    if (allowed.has("anonymous")) return next();
    const p = c.get("principal");
    if (!p) {
      const detail = c.get("badToken")
        ? "the token is unknown, expired or revoked"
        : "sign in or send a bearer token";
      throw new HttpProblem(401, "Unauthorized", detail, {
        headers: { "www-authenticate": "Bearer" },
      });
    }
    if (!allowed.has(accessOf(p)))
      throw new HttpProblem(403, "Forbidden", `${accessOf(p)} may not use this route`);
    return next();
  };
}

/** The calling user (route access lists guarantee one; this narrows the type). */
export function userOf(c: Context<AppEnv>): Extract<Principal, { type: "user" }> {
  const p = c.get("principal");
  if (p?.type !== "user")
    throw new HttpProblem(403, "Forbidden", "this route is for people, not devices");
  return p;
}

export function deviceOf(c: Context<AppEnv>): DevicePrincipal {
  const p = c.get("principal");
  if (p?.type !== "device")
    throw new HttpProblem(403, "Forbidden", "this route is for paired devices");
  return p;
}

export function principalOf(c: Context<AppEnv>): Principal {
  const p = c.get("principal");
  if (!p) throw new HttpProblem(401, "Unauthorized", "sign in or send a bearer token");
  return p;
}
