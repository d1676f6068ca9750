// Every route is declared with its access list once: `x-sightline-access` in
// the OpenAPI document (read by the authorization-matrix test) and the
// middleware that enforces it are made from the same array.
import { createRoute, type RouteConfig } from "@hono/zod-openapi";
import type { Access } from "../auth/roles.ts";
import { requireAccess } from "../middleware/auth/index.ts";
import { ProblemSchema } from "./problem.ts";

const problem = (description: string) => ({
  description,
  content: { "application/problem+json": { schema: ProblemSchema } },
});

const STANDARD_ERRORS = {
  400: problem("Invalid request"),
  401: problem("Missing, unknown or revoked token"),
  403: problem("Outside the caller's role or scope"),
  429: problem("Rate limited; see Retry-After"),
};

type Config = Omit<RouteConfig, "middleware">;
type Security = Record<string, string[]>[];
const SIGNED_IN: Security = [{ bearer: [] }, { session: [] }];

export function defineRoute<const R extends Config>(access: readonly Access[], config: R) {
  return createRoute({
    ...config,
    "x-sightline-access": [...access],
    security: access.includes("anonymous") ? [] : SIGNED_IN,
    responses: { ...STANDARD_ERRORS, ...config.responses },
    middleware: requireAccess(access),
  });
}
