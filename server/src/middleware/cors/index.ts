// CORS allow-list (docs/architecture.md "CORS"): the server's own origin, configured
// origins (SIGHTLINE_CORS_ORIGINS, e.g. a kiosk host) and the extension
// origins recorded when devices paired. Pairing itself accepts any
// chrome-extension:// or moz-extension:// origin: the one-time code is the
// credential there. No credentials mode: cross-origin callers use bearer tokens.
import type { Context, MiddlewareHandler } from "hono";

export type OriginCheck = (origin: string, c: Context) => boolean | Promise<boolean>;

const METHODS = "GET, HEAD, POST, PUT, PATCH, DELETE";
const HEADERS = "authorization, content-type";

function allowHeaders(headers: Headers, origin: string) {
  headers.set("access-control-allow-origin", origin);
  headers.append("vary", "Origin");
  headers.set("access-control-expose-headers", "retry-after, content-type");
}

export function cors(isAllowed: OriginCheck): MiddlewareHandler {
  return async (c, next) => {
    const origin = c.req.header("origin");
    if (!origin) return next();
    const ok = origin === new URL(c.req.url).origin || (await isAllowed(origin, c));
    if (c.req.method === "OPTIONS" && c.req.header("access-control-request-method")) {
      const headers = new Headers({ vary: "Origin" });
      if (ok) {
        allowHeaders(headers, origin);
        headers.set("access-control-allow-methods", METHODS);
        headers.set("access-control-allow-headers", HEADERS);
        headers.set("access-control-max-age", "600");
      }
      return new Response(null, { status: ok ? 204 : 403, headers });
    }
    await next();
    if (ok) allowHeaders(c.res.headers, origin);
  };
}

export const EXTENSION_ORIGIN = /^(chrome|moz)-extension:\/\/[a-z0-9-]{1,64}$/i;

/**
 * The allow-list: static origins, device origins read from the database (cached
 * for `ttlMs`, refreshed at once after a pairing), and extensions on the
 * pairing route.
 */
export function createOriginAllowList(o: {
  configured: readonly string[];
  deviceOrigins: () => Promise<string[]>;
  pairingPath: string;
  ttlMs?: number;
  now?: () => number;
}) {
  const now = o.now ?? Date.now;
  const configured = new Set(o.configured);
  let cache: { at: number; origins: Set<string> } | null = null;
  const check: OriginCheck = async (origin, c) => {
    if (configured.has(origin)) return true;
    if (c.req.path === o.pairingPath && EXTENSION_ORIGIN.test(origin)) return true;
    if (!cache || now() - cache.at > (o.ttlMs ?? 60_000)) {
      cache = { at: now(), origins: new Set(await o.deviceOrigins()) };
    }
    return cache.origins.has(origin);
  };
  return { check, invalidate: () => (cache = null) };
}
