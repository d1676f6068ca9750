// Static hosting of the built web apps: the managers' app at / and the kiosk
// PWA at /kiosk/, with an index.html fallback for client-side routes. A
// missing folder is simply not served (the API still runs).
import { existsSync, statSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { extname, join, normalize, resolve, sep } from "node:path";
import type { MiddlewareHandler } from "hono";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".webmanifest": "application/manifest+json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".webp": "image/webp",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".txt": "text/plain; charset=utf-8",
};

const isDir = (p: string) => existsSync(p) && statSync(p).isDirectory();
const isFile = (p: string) => existsSync(p) && statSync(p).isFile();

/** Serve `root` under `prefix` ("/" or "/kiosk/"); paths in `skip` fall through. */
export function serveSpa(
  root: string | undefined,
  prefix: string,
  skip: readonly string[] = [],
): MiddlewareHandler {
  const base = root ? resolve(root) : null;
  return async (c, next) => {
    if (!base || !isDir(base) || (c.req.method !== "GET" && c.req.method !== "HEAD")) return next();
    const path = c.req.path;
    if (skip.some((s) => path === s || path.startsWith(`${s}/`))) return next();
    if (`${path}/` === prefix) return c.redirect(prefix, 301);
    if (!path.startsWith(prefix)) return next();
    let rel: string;
    try {
      rel = decodeURIComponent(path.slice(prefix.length));
    } catch {
      return next(); // malformed percent-encoding: not a file of ours (404, not 500)
    }
    const wanted = normalize(join(base, rel));
    if (wanted !== base && !wanted.startsWith(base + sep)) return next();
    const file = isFile(wanted) ? wanted : extname(rel) ? null : join(base, "index.html");
    if (!file || !isFile(file)) return next();
    const hashed = /[.-][0-9a-zA-Z_-]{8,}\.(js|css|woff2|png|svg|webp)$/.test(file);
    return new Response(c.req.method === "HEAD" ? null : await readFile(file), {
      headers: {
        "content-type": TYPES[extname(file)] ?? "application/octet-stream",
        "cache-control": hashed ? "public, max-age=31536000, immutable" : "no-cache",
      },
    });
  };
}
