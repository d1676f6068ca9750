// Stores: GET for people and devices (a kiosk sees only its own store),
// POST/PATCH for admins and managers. A change pokes devices so they pull
// the new zones, behaviours, question and reasons.
import { z } from "@hono/zod-openapi";
import type { AppDeps } from "../app-deps.ts";
import { ADMINS, ALL_DEVICES, ALL_USERS } from "../auth/roles.ts";
import { capped, cappedFields } from "../http/list-page.ts";
import { notFound } from "../http/problem.ts";
import { defineRoute } from "../http/route.ts";
import { newRouter } from "../http/router.ts";
import {
  IdSchema,
  StoreInputSchema,
  StorePartialSchema,
  StoreSchema,
} from "../http/shared-schemas.ts";
import { principalOf, userOf } from "../middleware/auth/index.ts";
import { pokeConfigChange } from "../sync/config-poke.ts";

const json = <T extends z.ZodType>(schema: T) => ({ "application/json": { schema } });
const PatchSchema = StorePartialSchema.refine(
  (p) => Object.keys(p).length > 0,
  "change at least one field",
);

// Read keys too: a BI tool names the stores of the observations it reads.
const list = defineRoute([...ALL_USERS, ...ALL_DEVICES, "key:read"], {
  method: "get",
  path: "/",
  summary: "Stores (a kiosk: its own store only)",
  responses: {
    200: {
      description: "Stores (at most LIST_CAP, with the total)",
      content: json(z.object({ items: z.array(StoreSchema), ...cappedFields })),
    },
  },
});
const create = defineRoute(ADMINS, {
  method: "post",
  path: "/",
  summary: "Create a store",
  request: { body: { required: true, content: json(StoreInputSchema) } },
  responses: { 201: { description: "Created", content: json(StoreSchema) } },
});
const patch = defineRoute(ADMINS, {
  method: "patch",
  path: "/{id}",
  summary: "Change a store",
  request: {
    params: z.object({ id: IdSchema }),
    body: { required: true, content: json(PatchSchema) },
  },
  responses: {
    200: { description: "Changed", content: json(StoreSchema) },
    404: { description: "No such store" },
  },
});

export function storeRoutes(deps: AppDeps) {
  return newRouter()
    .openapi(list, async (c) => {
      const p = principalOf(c);
      const all = await deps.db.listStores(p.workspaceId);
      const items =
        p.type === "device" && p.role === "staff" ? all.filter((s) => s.id === p.storeId) : all;
      return c.json(capped(items), 200);
    })
    .openapi(create, async (c) => {
      const user = userOf(c);
      const s = await deps.db.createStore(user.workspaceId, c.req.valid("json"));
      await pokeConfigChange(deps, user.workspaceId);
      return c.json(s, 201);
    })
    .openapi(patch, async (c) => {
      const user = userOf(c);
      const s = await deps.db.updateStore(
        user.workspaceId,
        c.req.valid("param").id,
        c.req.valid("json"),
      );
      if (!s) throw notFound("store");
      await pokeConfigChange(deps, user.workspaceId);
      return c.json(s, 200);
    });
}
