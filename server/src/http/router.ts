// A router for one resource: OpenAPIHono whose validation failures become
// 400 problems with per-field errors instead of zod's default answer.
import { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "./env.ts";
import { badRequest, fieldErrors, problemResponse } from "./problem.ts";

export function newRouter(): OpenAPIHono<AppEnv> {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) {
        const where = result.target === "json" ? "body" : result.target;
        return problemResponse(
          badRequest(
            `invalid request ${where}`,
            fieldErrors(result.error, result.target === "json" ? "" : result.target),
          ),
        );
      }
    },
  });
}
