// GET /v1/audit (admins): the workspace's audit log, newest first, filtered
// by type, actor and time, one bounded page at a time with a cursor that
// stays valid while new events arrive.
import { z } from "@hono/zod-openapi";
import type { AppDeps } from "../app-deps.ts";
import { defineRoute } from "../http/route.ts";
import { newRouter } from "../http/router.ts";
import { userOf } from "../middleware/auth/index.ts";
import { AUDIT_ACTOR_TYPES, AUDIT_TYPES } from "./event-types.ts";

export const MAX_AUDIT_PAGE = 200;

const AuditEventSchema = z
  .object({
    id: z.string(),
    type: z.enum(AUDIT_TYPES),
    at: z.string(),
    actorType: z.enum(AUDIT_ACTOR_TYPES),
    actorId: z.string().nullable(),
    actorLabel: z.string().nullable(),
    targetType: z.string().nullable(),
    targetId: z.string().nullable(),
    targetLabel: z.string().nullable(),
    address: z.string().nullable(),
    detail: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  })
  .openapi("AuditEvent");

const Instant = z.iso.datetime({ offset: true }).transform((s) => new Date(s).toISOString());

const list = defineRoute(["admin"], {
  method: "get",
  path: "/",
  summary: "The workspace's audit log, newest first",
  request: {
    query: z.object({
      type: z.enum(AUDIT_TYPES).optional(),
      actor: z.string().min(1).max(100).optional(),
      from: Instant.optional(),
      to: Instant.optional(),
      cursor: z.string().max(100).optional(),
      limit: z.coerce.number().int().min(1).max(MAX_AUDIT_PAGE).default(50),
    }),
  },
  responses: {
    200: {
      description: "One page of events",
      content: {
        "application/json": {
          schema: z.object({ items: z.array(AuditEventSchema), nextCursor: z.string().nullable() }),
        },
      },
    },
  },
});

export function auditRoutes(deps: AppDeps) {
  return newRouter().openapi(list, async (c) => {
    const q = c.req.valid("query");
    const page = await deps.db.listAudit(userOf(c).workspaceId, {
      type: q.type,
      actorId: q.actor,
      from: q.from,
      to: q.to,
      cursor: q.cursor,
      limit: q.limit,
    });
    const items = page.items.map(({ workspaceId: _ws, ...e }) => e);
    return c.json({ items, nextCursor: page.nextCursor }, 200);
  });
}
