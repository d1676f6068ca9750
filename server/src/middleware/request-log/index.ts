// One structured (pino) line per request: method, path without the query,
// status, duration and who called (by id). Never headers, bodies or query
// strings — that is where tokens, passwords and pairing codes travel.
import type { MiddlewareHandler } from "hono";
import type { Logger } from "pino";
import type { Principal } from "../../db/port.ts";
import type { AppEnv } from "../../http/env.ts";

export function requestLog(
  logger: Logger,
  now: () => number = performance.now.bind(performance),
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = now();
    await next();
    const p = c.get("principal");
    const status = c.res.status;
    const line = {
      method: c.req.method,
      path: c.req.path,
      status,
      ms: Math.round((now() - started) * 10) / 10,
      ...(p ? { caller: callerOf(p) } : {}),
    };
    if (status >= 500) logger.error(line, "request failed");
    else logger.info(line, "request");
  };
}

/** pino options that also scrub secrets if a future log call passes a request by mistake. */
export const LOG_REDACT = {
  paths: [
    "password",
    "*.password",
    "token",
    "*.token",
    "code",
    "*.code",
    "authorization",
    "*.authorization",
    "headers.cookie",
    "*.headers.cookie",
    "req.headers",
  ],
  censor: "[redacted]",
};

/** Who made a request, for the log line: never a secret (a key by its id). */
const callerOf = (p: Principal) =>
  p.type === "user"
    ? `user:${p.userId}`
    : p.type === "device"
      ? `device:${p.deviceId}`
      : `api-key:${p.keyId}`;
