// POST /v1/pairing-codes (admin, manager): a one-time code, 8 characters from
// an unambiguous alphabet, valid 15 minutes, stored only as a hash. A staff
// code binds the kiosk to one store of the workspace.
import { z } from "@hono/zod-openapi";
import type { AppDeps } from "../app-deps.ts";
import { ADMINS, DEVICE_ROLES } from "../auth/roles.ts";
import { newPairingCode, sha256Hex } from "../auth/tokens.ts";
import { badRequest } from "../http/problem.ts";
import { defineRoute } from "../http/route.ts";
import { newRouter } from "../http/router.ts";
import { IdSchema } from "../http/shared-schemas.ts";
import { userOf } from "../middleware/auth/index.ts";

export const PAIRING_CODE_TTL_MS = 15 * 60_000;

const RequestSchema = z.strictObject({
  role: z.enum(DEVICE_ROLES),
  storeId: IdSchema.optional(),
  label: z.string().trim().min(1).max(100).optional(),
});

const create = defineRoute(ADMINS, {
  method: "post",
  path: "/",
  summary: "Issue a one-time device pairing code",
  request: { body: { required: true, content: { "application/json": { schema: RequestSchema } } } },
  responses: {
    201: {
      description: "Issued",
      content: {
        "application/json": { schema: z.object({ code: z.string(), expiresAt: z.string() }) },
      },
    },
  },
});

export function pairingCodeRoutes(deps: AppDeps) {
  const now = deps.now ?? (() => new Date());
  return newRouter().openapi(create, async (c) => {
    const user = userOf(c);
    const body = c.req.valid("json");
    if (body.role === "staff") {
      if (!body.storeId)
        throw badRequest("a staff code needs a storeId", [
          { path: "storeId", message: "required for staff" },
        ]);
      if (!(await deps.store.getStore(user.workspaceId, body.storeId)))
        throw badRequest("no such store in this workspace", [
          { path: "storeId", message: "unknown store" },
        ]);
    } else if (body.storeId) {
      throw badRequest("only staff codes are bound to a store", [
        { path: "storeId", message: "not for marketer codes" },
      ]);
    }
    const code = newPairingCode();
    const expiresAt = new Date(now().getTime() + PAIRING_CODE_TTL_MS).toISOString();
    await deps.store.createPairingCode({
      workspaceId: user.workspaceId,
      codeHash: sha256Hex(code),
      role: body.role,
      storeId: body.storeId ?? null,
      label: body.label ?? null,
      createdBy: user.userId,
      expiresAt,
    });
    return c.json({ code, expiresAt }, 201);
  });
}
