// Every route is declared with its access list once: `x-sightline-access` in
// the OpenAPI document (read by the authorization-matrix test) and the
// middleware that enforces it are made from the same array. After the access
// check, every route refuses NUL and lone surrogates in its path, query and
// JSON body (middleware/well-formed-text), unless it checks body strings
// itself, item by item.
import { createRoute, type RouteConfig } from "@hono/zod-openapi";
import type { Access } from "../auth/roles.ts";
import { requireAccess } from "../middleware/auth/index.ts";
import {
  type WellFormedTextOptions,
  wellFormedText,
} from "../middleware/well-formed-text/index.ts";
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

export type RouteOptions = {
  /** `{ body: false }`: the handler checks body strings per item (push, import). */
  text?: WellFormedTextOptions;
};

export function defineRoute<const R extends Config>(
  access: readonly Access[],
  config: R,
  o: RouteOptions = {},
) {
  return createRoute({
    ...config,
    "x-sightline-access": [...access],
    security: access.includes("anonymous") ? [] : SIGNED_IN,
    responses: { ...STANDARD_ERRORS, ...config.responses },
    middleware: [requireAccess(access), wellFormedText(o.text)],
  });
}
