// The app's last line: every error and every unknown route becomes a
// problem+json answer. Bad input is always a 4xx; only real faults are 5xx,
// and those never leak internals.
import type { ErrorHandler, NotFoundHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import type { Logger } from "pino";
import { ZodError } from "zod";
import { badRequest, fieldErrors, HttpProblem, problemResponse } from "./problem.ts";
import { storageUnavailable } from "./unavailable.ts";

export function onError(logger: Logger): ErrorHandler {
  return (err) => {
    if (err instanceof HttpProblem) return problemResponse(err);
    if (err instanceof ZodError)
      return problemResponse(badRequest("invalid input", fieldErrors(err)));
    if (err instanceof HTTPException) {
      const status = err.status;
      const title =
        status === 400 ? "Bad request" : status === 415 ? "Unsupported media type" : "Error";
      if (status < 500)
        return problemResponse(new HttpProblem(status, title, err.message || title));
    }
    const unavailable = storageUnavailable(err);
    if (unavailable) {
      logger.warn({ err }, "storage unavailable");
      return problemResponse(unavailable);
    }
    logger.error({ err }, "unhandled error");
    return problemResponse(
      new HttpProblem(500, "Internal error", "something went wrong on the server"),
    );
  };
}

export const onNotFound: NotFoundHandler = (c) =>
  problemResponse(new HttpProblem(404, "Not found", `no route for ${c.req.method} ${c.req.path}`));
