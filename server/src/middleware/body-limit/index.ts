// Body size caps before anything parses a body: 1 MiB for sync pushes
// (docs/sync-protocol.md "Push") and imported unsent data (a push in a file), 5 MiB for blobs, a
// small default elsewhere. Over the cap → 413 problem, so clients halve their
// batch instead of retrying forever.
import type { MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { HttpProblem } from "../../http/problem.ts";

/** Paths that start with `prefix` (and end with `suffix`, when given). */
export type BodyLimitRule = { prefix: string; suffix?: string; maxBytes: number };

export function bodyLimits(
  rules: readonly BodyLimitRule[],
  defaultMaxBytes: number,
): MiddlewareHandler {
  const limits = new Map<number, MiddlewareHandler>();
  const limiter = (maxBytes: number) => {
    const known = limits.get(maxBytes);
    if (known) return known;
    const made = bodyLimit({
      maxSize: maxBytes,
      onError: () => {
        throw new HttpProblem(413, "Too large", `the request body is over ${maxBytes} bytes`);
      },
    });
    limits.set(maxBytes, made);
    return made;
  };
  return (c, next) => {
    const path = c.req.path;
    const rule = rules.find(
      (r) => path.startsWith(r.prefix) && (r.suffix === undefined || path.endsWith(r.suffix)),
    );
    return limiter(rule?.maxBytes ?? defaultMaxBytes)(c, next);
  };
}
