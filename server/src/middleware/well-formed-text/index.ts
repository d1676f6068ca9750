// One text rule for every route (routes add it through defineRoute, after
// the access check): no NUL and no lone UTF-16 surrogate anywhere a string
// comes in — path parameters and query strings (as percent-decoded bytes,
// which must also be UTF-8) and JSON bodies (every value and every key, at
// any depth; the bytes must be UTF-8). SQLite would store such a string and
// PostgreSQL refuses it, so the same request would answer 2xx on one and 500
// on the other; here it is a 400 problem on both, before any schema or SQL.
// Routes whose body strings are checked item by item (a sync push rejects
// one mutation, an import reports one row) skip the body part.
import { INVALID_CHARACTER_MESSAGE, isWellFormedText, toWellFormedText } from "@sightline/shared";
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../../http/env.ts";
import { badRequest, type FieldError } from "../../http/problem.ts";

export type WellFormedTextOptions = {
  /** false: the handler checks body strings itself, per item. Default true. */
  body?: boolean;
};

const BODY_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);
const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\b/i;

export function wellFormedText(o: WellFormedTextOptions = {}): MiddlewareHandler<AppEnv> {
  const checkBody = o.body ?? true;
  return async (c, next) => {
    const url = new URL(c.req.url);
    const where = badUrlPart(url.pathname) ? "path" : badUrlPart(url.search) ? "query" : null;
    if (where)
      throw badRequest(`invalid request ${where}: ${INVALID_CHARACTER_MESSAGE}`, [
        {
          path: where,
          message: `${INVALID_CHARACTER_MESSAGE}, or percent-escapes that are not UTF-8`,
        },
      ]);
    if (
      checkBody &&
      BODY_METHODS.has(c.req.method) &&
      JSON_TYPE.test(c.req.header("content-type") ?? "")
    ) {
      const bytes = new Uint8Array(await c.req.arrayBuffer());
      let text: string;
      try {
        text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
      } catch {
        throw badRequest("invalid request body: not UTF-8", [
          { path: "(body)", message: "the body is not valid UTF-8" },
        ]);
      }
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        value = undefined; // malformed JSON: the route's validator answers it
      }
      const bad = firstBadString(value);
      if (bad) throw badRequest(`invalid request body: ${INVALID_CHARACTER_MESSAGE}`, [bad]);
    }
    await next();
  };
}

/**
 * Where the first string (value or key) with NUL or a lone surrogate sits in
 * a parsed JSON value, or null. Iterative: bodies may nest deeply.
 */
export function firstBadString(root: unknown): FieldError | null {
  const stack: [unknown, string][] = [[root, ""]];
  const at = (path: string, key: string | number) =>
    path ? `${path}.${String(key)}` : String(key);
  while (stack.length > 0) {
    const [v, path] = stack.pop() as [unknown, string];
    if (typeof v === "string") {
      if (!isWellFormedText(v))
        return { path: path || "(body)", message: INVALID_CHARACTER_MESSAGE };
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push([v[i], at(path, i)]);
    } else if (v !== null && typeof v === "object") {
      const entries = Object.entries(v);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [k, x] = entries[i] as [string, unknown];
        if (!isWellFormedText(k))
          return {
            path: at(path, toWellFormedText(k)),
            message: `a key: ${INVALID_CHARACTER_MESSAGE}`,
          };
        stack.push([x, at(path, k)]);
      }
    }
  }
  return null;
}

const UTF8 = new TextDecoder("utf-8", { fatal: true });

/**
 * True when a raw path or query (as in a URL: non-ASCII already
 * percent-encoded) decodes to NUL or to bytes that are not UTF-8 — a lone
 * surrogate can only arrive as such bytes (%ED%A0%80).
 */
export function badUrlPart(raw: string): boolean {
  if (!raw.includes("%")) return false;
  const bytes: number[] = [];
  for (let i = 0; i < raw.length; i++) {
    const hex = raw.charCodeAt(i) === 0x25 ? raw.slice(i + 1, i + 3) : "";
    if (/^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(Number.parseInt(hex, 16));
      i += 2;
    } else bytes.push(raw.charCodeAt(i) & 0xff); // the URL parser leaves only ASCII here
  }
  if (bytes.includes(0)) return true;
  try {
    UTF8.decode(new Uint8Array(bytes));
    return false;
  } catch {
    return true;
  }
}
