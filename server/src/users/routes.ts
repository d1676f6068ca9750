// The workspace's people: GET /v1/users (admin, manager) lists them without
// password hashes; POST /v1/users (admin) adds one.
import { z } from "@hono/zod-openapi";
import type { AppDeps } from "../app-deps.ts";
import { EmailSchema } from "../auth/email.ts";
import { hashPassword } from "../auth/password.ts";
import { ADMINS, USER_ROLES } from "../auth/roles.ts";
import { ConflictError } from "../db/port.ts";
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
});

const list = defineRoute(ADMINS, {
  method: "get",
  path: "/",
  summary: "List the people of the caller's workspace",
  responses: {
    200: {
      description: "Users, by email",
      content: { "application/json": { schema: z.object({ items: z.array(UserSchema) }) } },
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
  return newRouter()
    .openapi(list, async (c) => {
      const users = await deps.db.listUsers(userOf(c).workspaceId);
      const items = users.map(({ id, email, name, role, createdAt }) => ({
        id,
        email,
        name,
        role,
        createdAt,
      }));
      return c.json({ items }, 200);
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
        return c.json({ id: user.id }, 201);
      } catch (e) {
        if (e instanceof ConflictError)
          throw new HttpProblem(409, "Conflict", "that email is already in use");
        throw e;
      }
    });
}
