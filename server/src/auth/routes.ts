// POST /v1/auth/login and /v1/auth/logout. A login returns a bearer token for
// scripts and sets the same token as an httpOnly, SameSite=Strict session
// cookie for the web app. Unknown emails cost the same scrypt time as wrong
// passwords, and both get the same answer.
import { z } from "@hono/zod-openapi";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import type { AppDeps } from "../app-deps.ts";
import { HttpProblem } from "../http/problem.ts";
import { defineRoute } from "../http/route.ts";
import { newRouter } from "../http/router.ts";
import { requestToken, userOf } from "../middleware/auth/index.ts";
import type { RateLimiter } from "../middleware/rate-limit/index.ts";
import { EmailSchema } from "./email.ts";
import {
  isKnownDevice,
  KNOWN_DEVICE_COOKIE,
  KNOWN_DEVICE_DAYS,
  knownDeviceCookie,
} from "./known-device.ts";
import { DUMMY_HASH, verifyPassword } from "./password.ts";
import { ALL_USERS, ANYONE, USER_ROLES } from "./roles.ts";
import { newToken, SESSION_COOKIE, sha256Hex } from "./tokens.ts";

const SESSION_DAYS = 30;

const LoginSchema = z.strictObject({
  email: EmailSchema,
  password: z.string().min(1).max(200),
});
const LoginAnswerSchema = z.object({
  token: z.string(),
  user: z.object({
    id: z.string(),
    email: z.string(),
    role: z.enum(USER_ROLES),
    workspaceId: z.string(),
  }),
});

const login = defineRoute(ANYONE, {
  method: "post",
  path: "/login",
  summary: "Sign in with email and password",
  request: { body: { required: true, content: { "application/json": { schema: LoginSchema } } } },
  responses: {
    200: {
      description: "Signed in",
      content: { "application/json": { schema: LoginAnswerSchema } },
    },
  },
});

const logout = defineRoute(ALL_USERS, {
  method: "post",
  path: "/logout",
  summary: "Revoke the current session",
  responses: { 204: { description: "Signed out" } },
});

const me = defineRoute(ALL_USERS, {
  method: "get",
  path: "/me",
  summary: "Who is signed in (the web app restores its session with it)",
  responses: {
    200: {
      description: "The signed-in person",
      content: { "application/json": { schema: z.object({ user: LoginAnswerSchema.shape.user }) } },
    },
  },
});

export function authRoutes(deps: AppDeps, limiter: RateLimiter) {
  const now = deps.now ?? (() => new Date());
  return newRouter()
    .openapi(login, async (c) => {
      const { email, password } = c.req.valid("json");
      // A browser this account signed in from before has its own budget, so
      // guesses from elsewhere cannot lock the owner out (auth/known-device.ts).
      const known = getCookie(c, KNOWN_DEVICE_COOKIE);
      const user = await deps.db.findUserByEmail(email);
      if (user && isKnownDevice(known, user, now().getTime()))
        limiter.check("knownDevice", `${user.id}:${known}`);
      else limiter.check("login", email.toLowerCase());
      const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
      if (!user || !ok) throw new HttpProblem(401, "Unauthorized", "wrong email or password");
      const token = newToken();
      const expires = new Date(now().getTime() + SESSION_DAYS * 86_400_000);
      await deps.db.createSession({
        tokenHash: sha256Hex(token),
        userId: user.id,
        workspaceId: user.workspaceId,
        expiresAt: expires.toISOString(),
      });
      setCookie(c, SESSION_COOKIE, token, {
        httpOnly: true,
        sameSite: "Strict",
        path: "/",
        secure: new URL(c.req.url).protocol === "https:",
        expires,
      });
      const knownUntil = now().getTime() + KNOWN_DEVICE_DAYS * 86_400_000;
      setCookie(c, KNOWN_DEVICE_COOKIE, knownDeviceCookie(user, knownUntil), {
        httpOnly: true,
        sameSite: "Strict",
        path: "/v1/auth",
        secure: new URL(c.req.url).protocol === "https:",
        expires: new Date(knownUntil),
      });
      const { id, role, workspaceId } = user;
      return c.json({ token, user: { id, email: user.email, role, workspaceId } }, 200);
    })
    .openapi(me, (c) => {
      const u = userOf(c);
      return c.json(
        { user: { id: u.userId, email: u.email, role: u.role, workspaceId: u.workspaceId } },
        200,
      );
    })
    .openapi(logout, async (c) => {
      const found = requestToken(c);
      if (found) await deps.db.revokeSession(sha256Hex(found.token));
      deleteCookie(c, SESSION_COOKIE, { path: "/" });
      return c.body(null, 204);
    });
}
