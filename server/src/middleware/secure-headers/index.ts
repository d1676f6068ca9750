// Security headers on every answer, with a Content-Security-Policy that
// forbids inline and remote scripts: the web app and the kiosk ship bundled
// scripts only (ARCHITECTURE.md "no CDN links").
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

export function secureHeaders(): MiddlewareHandler {
  return honoSecureHeaders({ contentSecurityPolicy: CSP, xFrameOptions: "DENY" });
}
