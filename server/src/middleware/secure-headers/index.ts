// Security headers on every answer, with a Content-Security-Policy that
// forbids inline and remote scripts: the web app and the kiosk ship bundled
// scripts only (docs/architecture.md "Dependencies": no CDN links).
import type { MiddlewareHandler } from "hono";
import { secureHeaders as honoSecureHeaders } from "hono/secure-headers";

export const CSP = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  // Preact sets style attributes; styles cannot run code.
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", "data:", "blob:"],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  workerSrc: ["'self'"],
  manifestSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/**
 * The kiosk may be paired with a server other than the one that served it
 * (its pairing screen takes any server URL), so only under /kiosk may pages
 * connect elsewhere — the same rule as the kiosk's own meta CSP. Scripts stay
 * 'self' everywhere.
 */
const KIOSK_CSP = { ...CSP, connectSrc: ["'self'", "http:", "https:"] };

export function secureHeaders(): MiddlewareHandler {
  const strict = honoSecureHeaders({ contentSecurityPolicy: CSP, xFrameOptions: "DENY" });
  const kiosk = honoSecureHeaders({ contentSecurityPolicy: KIOSK_CSP, xFrameOptions: "DENY" });
  return (c, next) => {
    const p = c.req.path;
    return (p === "/kiosk" || p.startsWith("/kiosk/") ? kiosk : strict)(c, next);
  };
}
