// Competitors (name + domains the extension matches pages against): GET for
// people and extensions, POST/PATCH for admins and managers.
import { z } from "@hono/zod-openapi";
import type { AppDeps } from "../app-deps.ts";
import { ADMINS, ALL_USERS } from "../auth/roles.ts";
import { capped, cappedFields } from "../http/list-page.ts";
import { notFound } from "../http/problem.ts";
import { defineRoute } from "../http/route.ts";
import { newRouter } from "../http/router.ts";
import {
  CompetitorInputSchema,
  CompetitorPartialSchema,
  CompetitorSchema,
  IdSchema,
} from "../http/shared-schemas.ts";
import { principalOf, userOf } from "../middleware/auth/index.ts";
import { pokeConfigChange } from "../sync/config-poke.ts";

const json = <T extends z.ZodType>(schema: T) => ({ "application/json": { schema } });
const PatchSchema = CompetitorPartialSchema.refine(
  (p) => Object.keys(p).length > 0,
  "change at least one field",
);

// Read keys too: a BI tool names the competitors of the observations it reads.
const list = defineRoute([...ALL_USERS, "device:marketer", "key:read"], {
  method: "get",
  path: "/",
  summary: "Competitors",
  responses: {
    200: {
      description: "Competitors",
      content: json(z.object({ items: z.array(CompetitorSchema), ...cappedFields })),
    },
  },
});
const create = defineRoute(ADMINS, {
  method: "post",
  path: "/",
  summary: "Create a competitor",
  request: { body: { required: true, content: json(CompetitorInputSchema) } },
  responses: { 201: { description: "Created", content: json(CompetitorSchema) } },
});
const patch = defineRoute(ADMINS, {
  method: "patch",
  path: "/{id}",
  summary: "Change a competitor",
  request: {
    params: z.object({ id: IdSchema }),
    body: { required: true, content: json(PatchSchema) },
  },
  responses: {
    200: { description: "Changed", content: json(CompetitorSchema) },
    404: { description: "No such competitor" },
  },
});

export function competitorRoutes(deps: AppDeps) {
  return newRouter()
    .openapi(list, async (c) =>
      c.json(capped(await deps.db.listCompetitors(principalOf(c).workspaceId)), 200),
    )
    .openapi(create, async (c) => {
      const user = userOf(c);
      const comp = await deps.db.createCompetitor(user.workspaceId, c.req.valid("json"));
      await pokeConfigChange(deps, user.workspaceId);
      return c.json(comp, 201);
    })
    .openapi(patch, async (c) => {
      const user = userOf(c);
      const comp = await deps.db.updateCompetitor(
        user.workspaceId,
        c.req.valid("param").id,
        c.req.valid("json"),
      );
      if (!comp) throw notFound("competitor");
      await pokeConfigChange(deps, user.workspaceId);
      return c.json(comp, 200);
    });
}
