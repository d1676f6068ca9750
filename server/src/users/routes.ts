// The workspace's people: GET /v1/users (admin, manager) lists them without
// password hashes; POST /v1/users (admin) adds one. Admins also change a
// person's role, name or disabled state (PATCH), delete them (their work stays,
// attributed to the kept name) and issue a one-time password reset code.
// The workspace never loses its last enabled admin (409 last-admin). Every
// change is audited.
import { z } from "@hono/zod-openapi";
import type { AppDeps } from "../app-deps.ts";
import { createAuditLog, userTarget } from "../audit/audit-log.ts";
import { EmailSchema } from "../auth/email.ts";
import { hashPassword } from "../auth/password.ts";
import { newResetCode, RESET_CODE_HOURS } from "../auth/reset-code.ts";
import { ADMINS, USER_ROLES } from "../auth/roles.ts";
import { sha256Hex } from "../auth/tokens.ts";
import { ConflictError, type UserChangeResult, type UserRecord } from "../db/port.ts";
import { capped, cappedFields } from "../http/list-page.ts";
import { HttpProblem } from "../http/problem.ts";
import { defineRoute } from "../http/route.ts";
import { newRouter } from "../http/router.ts";
import { userOf } from "../middleware/auth/index.ts";

const NewUserSchema = z.strictObject({
  email: EmailSchema,
  password: z.string().min(10).max(200),
  role: z.enum(USER_ROLES),
  name: z.string().trim().min(1).max(200).optional(),
});

const UserSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string().nullable(),
  role: z.enum(USER_ROLES),
  createdAt: z.string(),
  /** An admin disabled the account: no sign-in, sessions and extension tokens stopped. */
  disabled: z.boolean(),
  /** Deleted: kept so their work stays attributed to the name; nothing of theirs signs in. */
  deleted: z.boolean(),
});

const UserChangesSchema = z
  .strictObject({
    role: z.enum(USER_ROLES).optional(),
    disabled: z.boolean().optional(),
    name: z.string().trim().min(1).max(200).nullable().optional(),
  })
  .refine((b) => Object.keys(b).length > 0, {
    message: "change at least one of role, disabled, name",
  });

const IdParam = z.object({ id: z.string().min(1).max(100) });

const patch = defineRoute(["admin"], {
  method: "patch",
  path: "/{id}",
  summary: "Change a person's role, name or disabled state",
  request: {
    params: IdParam,
    body: { required: true, content: { "application/json": { schema: UserChangesSchema } } },
  },
  responses: {
    200: { description: "Changed", content: { "application/json": { schema: UserSchema } } },
    404: { description: "No such person" },
    409: { description: "The workspace would have no enabled admin left (last-admin)" },
  },
});

const remove = defineRoute(["admin"], {
  method: "delete",
  path: "/{id}",
  summary: "Delete a person (their work stays, attributed to their name)",
  request: { params: IdParam },
  responses: {
    204: { description: "Deleted" },
    404: { description: "No such person" },
    409: { description: "The workspace would have no enabled admin left (last-admin)" },
  },
});

const issueReset = defineRoute(["admin"], {
  method: "post",
  path: "/{id}/reset-password",
  summary: "Issue a one-time password reset code for a person (shown once)",
  request: { params: IdParam },
  responses: {
    201: {
      description: "The code, shown once; redeem with POST /v1/auth/reset-password",
      content: {
        "application/json": { schema: z.object({ code: z.string(), expiresAt: z.string() }) },
      },
    },
    404: { description: "No such person" },
  },
});

const toWire = (u: UserRecord) => ({
  id: u.id,
  email: u.email,
  name: u.name,
  role: u.role,
  createdAt: u.createdAt,
  disabled: Boolean(u.disabledAt),
  deleted: Boolean(u.deletedAt),
});

const notFound = () => new HttpProblem(404, "Not found", "no such person in this workspace");

function refused(r: Extract<UserChangeResult, { ok: false }>): never {
  if (r.reason === "last-admin")
    throw new HttpProblem(
      409,
      "Last admin",
      "the workspace needs at least one enabled admin; make someone else admin first",
      { slug: "last-admin" },
    );
  throw notFound();
}

const list = defineRoute(ADMINS, {
  method: "get",
  path: "/",
  summary: "List the people of the caller's workspace",
  responses: {
    200: {
      description: "Users, by email",
      content: {
        "application/json": { schema: z.object({ items: z.array(UserSchema), ...cappedFields }) },
      },
    },
  },
});

const create = defineRoute(["admin"], {
  method: "post",
  path: "/",
  summary: "Create a user in the caller's workspace",
  request: { body: { required: true, content: { "application/json": { schema: NewUserSchema } } } },
  responses: {
    201: {
      description: "Created",
      content: { "application/json": { schema: z.object({ id: z.string() }) } },
    },
    409: { description: "Email taken" },
  },
});

export function userRoutes(deps: AppDeps) {
  const now = deps.now ?? (() => new Date());
  const audit = deps.audit ?? createAuditLog(deps.db, { now });
  return newRouter()
    .openapi(list, async (c) => {
      const users = await deps.db.listUsers(userOf(c).workspaceId);
      return c.json(capped(users.map(toWire)), 200);
    })
    .openapi(create, async (c) => {
      const admin = userOf(c);
      const body = c.req.valid("json");
      try {
        const user = await deps.db.createUser({
          workspaceId: admin.workspaceId,
          email: body.email,
          name: body.name ?? null,
          role: body.role,
          passwordHash: await hashPassword(body.password),
        });
        await audit.fromRequest(c, {
          type: "user-created",
          target: userTarget(user),
          detail: { role: user.role },
        });
        return c.json({ id: user.id }, 201);
      } catch (e) {
        if (e instanceof ConflictError)
          throw new HttpProblem(409, "Conflict", "that email is already in use");
        throw e;
      }
    })
    .openapi(patch, async (c) => {
      const admin = userOf(c);
      const { id } = c.req.valid("param");
      const body = c.req.valid("json");
      const r = await deps.db.updateUser(
        admin.workspaceId,
        id,
        {
          ...(body.role !== undefined ? { role: body.role } : {}),
          ...(body.disabled !== undefined ? { disabled: body.disabled } : {}),
          ...(body.name !== undefined ? { name: body.name } : {}),
        },
        now().toISOString(),
      );
      if (!r.ok) refused(r);
      const { before, user } = r;
      const target = userTarget(user);
      if (before.role !== user.role)
        await audit.fromRequest(c, {
          type: "role-change",
          target,
          detail: { from: before.role, to: user.role },
        });
      if (Boolean(before.disabledAt) !== Boolean(user.disabledAt))
        await audit.fromRequest(c, {
          type: user.disabledAt ? "user-disabled" : "user-enabled",
          target,
        });
      if (before.name !== user.name)
        await audit.fromRequest(c, {
          type: "user-renamed",
          target,
          detail: { from: before.name, to: user.name },
        });
      return c.json(toWire(user), 200);
    })
    .openapi(remove, async (c) => {
      const admin = userOf(c);
      const { id } = c.req.valid("param");
      const r = await deps.db.deleteUser(admin.workspaceId, id, now().toISOString());
      if (!r.ok) refused(r);
      await audit.fromRequest(c, {
        type: "user-deleted",
        target: { type: "user", id, label: r.before.email },
        detail: { role: r.before.role },
      });
      return c.body(null, 204);
    })
    .openapi(issueReset, async (c) => {
      const admin = userOf(c);
      const { id } = c.req.valid("param");
      const person = await deps.db.getUser(admin.workspaceId, id);
      if (!person || person.deletedAt) throw notFound();
      const code = newResetCode();
      const expiresAt = new Date(now().getTime() + RESET_CODE_HOURS * 3_600_000).toISOString();
      await deps.db.createPasswordReset({
        codeHash: sha256Hex(code),
        workspaceId: admin.workspaceId,
        userId: id,
        createdBy: admin.userId,
        expiresAt,
      });
      // The code itself never reaches the log.
      await audit.fromRequest(c, {
        type: "password-reset-issued",
        target: userTarget(person),
        detail: { expiresAt },
      });
      return c.json({ code, expiresAt }, 201);
    });
}
