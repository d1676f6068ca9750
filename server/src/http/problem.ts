// RFC 9457 problem details: every error this server sends is
// `application/problem+json` {type, title, status, detail, errors?}.
// Handlers throw HttpProblem; the app's error handler renders it.
import { z } from "@hono/zod-openapi";
import type { ZodError } from "zod";

export type FieldError = { path: string; message: string };

export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .openapi("Problem");

export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
    readonly extra: { errors?: FieldError[]; headers?: Record<string, string>; slug?: string } = {},
  ) {
    super(`${status} ${title}: ${detail}`);
  }
}

const SLUGS: Record<number, string> = {
  400: "bad-request",
  401: "unauthorized",
  403: "forbidden",
  404: "not-found",
  409: "conflict",
  413: "too-large",
  415: "unsupported-media-type",
  426: "upgrade-required",
  429: "rate-limited",
  503: "unavailable",
};

export function problemResponse(p: HttpProblem): Response {
  const slug = p.extra.slug ?? SLUGS[p.status] ?? "error";
  const body = {
    type: `urn:sightline:problem:${slug}`,
    title: p.title,
    status: p.status,
    detail: p.detail,
    ...(p.extra.errors ? { errors: p.extra.errors } : {}),
  };
  return new Response(JSON.stringify(body), {
    status: p.status,
    headers: { "content-type": "application/problem+json", ...p.extra.headers },
  });
}

/** zod issues as per-field errors ("mutations.3.op": "Invalid option …"). */
export function fieldErrors(error: ZodError, prefix = ""): FieldError[] {
  return error.issues.slice(0, 50).map((i) => ({
    path: [prefix, ...i.path.map(String)].filter(Boolean).join(".") || "(root)",
    message: i.message,
  }));
}

export const badRequest = (detail: string, errors?: FieldError[]) =>
  new HttpProblem(400, "Bad request", detail, errors ? { errors, slug: "validation" } : {});
export const notFound = (what: string) => new HttpProblem(404, "Not found", `${what} not found`);
export const forbidden = (detail: string) => new HttpProblem(403, "Forbidden", detail);
