// POST /v1/pairing-codes: a one-time code, 8 characters from an unambiguous
// alphabet, valid 15 minutes, stored only as a hash. A staff code binds the
// kiosk to one store of the workspace. A marketer code pairs an extension that
// belongs to one person (its sync scope): the person named by `userId`, or the
// issuer. Admins and managers issue any code, for any person of the workspace
// who captures; a marketer issues only a marketer code for themselves (to pair
// their own browser from the web app).
import { z } from "@hono/zod-openapi";
import type { AppDeps } from "../app-deps.ts";
import { CAPTURING_ROLES, CODE_ISSUERS, DEVICE_ROLES } from "../auth/roles.ts";
import { newPairingCode, sha256Hex } from "../auth/tokens.ts";
import { badRequest, forbidden } from "../http/problem.ts";
import { defineRoute } from "../http/route.ts";
import { newRouter } from "../http/router.ts";
import { IdSchema } from "../http/shared-schemas.ts";
import { userOf } from "../middleware/auth/index.ts";

export const PAIRING_CODE_TTL_MS = 15 * 60_000;

const RequestSchema = z.strictObject({
  role: z.enum(DEVICE_ROLES),
  storeId: IdSchema.optional(),
  /** Marketer codes: the person whose extension it pairs (default: the issuer). */
  userId: IdSchema.optional(),
  label: z.string().trim().min(1).max(100).optional(),
});

const create = defineRoute(CODE_ISSUERS, {
  method: "post",
  path: "/",
  summary: "Issue a one-time device pairing code",
  description:
    "Admins and managers: a staff code for a store, or a marketer code for a person of the workspace who captures (userId; default the issuer). Marketers: a marketer code for themselves only.",
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
    if (user.role === "marketer") {
      if (body.role !== "marketer")
        throw forbidden("a marketer issues codes for their own browser extension only");
      if (body.userId !== undefined && body.userId !== user.userId)
        throw forbidden("a marketer issues codes for themselves only");
    }
    if (body.role === "staff") {
      if (!body.storeId)
        throw badRequest("a staff code needs a storeId", [
          { path: "storeId", message: "required for staff" },
        ]);
      if (body.userId !== undefined)
        throw badRequest("a staff code pairs a store's kiosk, not a person's extension", [
          { path: "userId", message: "not for staff codes" },
        ]);
      if (!(await deps.db.getStore(user.workspaceId, body.storeId)))
        throw badRequest("no such store in this workspace", [
          { path: "storeId", message: "unknown store" },
        ]);
    } else if (body.storeId) {
      throw badRequest("only staff codes are bound to a store", [
        { path: "storeId", message: "not for marketer codes" },
      ]);
    }
    if (body.userId !== undefined && body.userId !== user.userId) {
      const person = (await deps.db.listUsers(user.workspaceId)).find((u) => u.id === body.userId);
      if (!person)
        throw badRequest("no such person in this workspace", [
          { path: "userId", message: "unknown person" },
        ]);
      if (!CAPTURING_ROLES.includes(person.role))
        throw badRequest(`a ${person.role} does not capture with the browser extension`, [
          { path: "userId", message: `role ${person.role} does not capture` },
        ]);
    }
    const code = newPairingCode();
    const expiresAt = new Date(now().getTime() + PAIRING_CODE_TTL_MS).toISOString();
    await deps.db.createPairingCode({
      workspaceId: user.workspaceId,
      codeHash: sha256Hex(code),
      role: body.role,
      storeId: body.storeId ?? null,
      label: body.label ?? null,
      createdBy: user.userId,
      forUserId: body.role === "marketer" ? (body.userId ?? null) : null,
      expiresAt,
    });
    return c.json({ code, expiresAt }, 201);
  });
}
