// Size bounds for the workspace's lists (issue 18, "every response has a
// size bound"). Lists that grow with use (journals, devices) are keyset
// pages: the cursor is the last item's (createdAt, id), so an item added
// while a client pages is neither skipped nor repeated. Lists that stay
// small (stores, competitors, people) are capped at LIST_CAP and say their
// exact `total` and whether anything was left out (`truncated`).
import { z } from "@hono/zod-openapi";
import { badRequest } from "./problem.ts";

export const LIST_CAP = 500;
export const PAGE_LIMIT_MAX = 200;
export const PAGE_LIMIT_DEFAULT = 100;

/** `?cursor=&limit=` of a paged list. */
export const PageQuerySchema = z.object({
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(PAGE_LIMIT_MAX).default(PAGE_LIMIT_DEFAULT),
});

type Keyed = { id: string; createdAt: string };

const encode = (k: Keyed) => Buffer.from(JSON.stringify([k.createdAt, k.id])).toString("base64url");

function decode(cursor: string): [string, string] {
  try {
    const v: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (Array.isArray(v) && v.length === 2 && v.every((x) => typeof x === "string"))
      return v as [string, string];
  } catch {}
  throw badRequest("cursor is not one this server gave", [
    { path: "cursor", message: "unknown cursor" },
  ]);
}

const cmp = (a: Keyed, b: [string, string]) =>
  a.createdAt < b[0] ? -1 : a.createdAt > b[0] ? 1 : a.id < b[1] ? -1 : a.id > b[1] ? 1 : 0;

/**
 * One page of `sorted` (ordered by (createdAt, id), ascending or
 * descending as `order` says) after `cursor`.
 */
export function pageOf<T extends Keyed>(
  sorted: readonly T[],
  order: "asc" | "desc",
  q: { cursor?: string | undefined; limit: number },
): { items: T[]; nextCursor: string | null } {
  const after = q.cursor ? decode(q.cursor) : null;
  const rest = after
    ? sorted.filter((x) => (order === "asc" ? cmp(x, after) > 0 : cmp(x, after) < 0))
    : sorted;
  const items = rest.slice(0, q.limit);
  const last = items.at(-1);
  return { items, nextCursor: rest.length > q.limit && last ? encode(last) : null };
}

/** The first LIST_CAP items, the exact total and whether any were left out. */
export function capped<T>(all: readonly T[]): { items: T[]; total: number; truncated: boolean } {
  return { items: all.slice(0, LIST_CAP), total: all.length, truncated: all.length > LIST_CAP };
}

/** The response fields a capped list adds to `{items}`. */
export const cappedFields = {
  total: z.number().int().openapi({ description: "How many there are in all" }),
  truncated: z.boolean().openapi({
    description: `true when more than ${LIST_CAP} exist and only the first are listed`,
  }),
};
