// POST /v1/auth/login and /v1/auth/logout. A login returns a bearer token for
// scripts and sets the same token as an httpOnly, SameSite=Strict session
// cookie for the web app. Unknown emails cost the same scrypt time as wrong
// passwords, and both get the same answer. The account's own lifecycle
// (issue 18): change the password (other sessions end), sign out everywhere,
// and redeem a one-time reset code an admin issued. Sign-ins, failures and
// each of these are audited.
import { z } from "@hono/zod-openapi";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import type { AppDeps } from "../app-deps.ts";
import { ANONYMOUS_ACTOR, createAuditLog, userTarget } from "../audit/audit-log.ts";
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
import { DUMMY_HASH, hashPassword, verifyPassword } from "./password.ts";
import { normaliseResetCode } from "./reset-code.ts";
import { ALL_USERS, ANYONE, USER_ROLES } from "./roles.ts";
import { newToken, SESSION_COOKIE, sha256Hex } from "./tokens.ts";

export const DEFAULT_SESSION_DAYS = 30;

/** A new password: the same bounds as an account's first (users/routes.ts). */
export const NewPasswordSchema = z.string().min(10).max(200);

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

const changePassword = defineRoute(ALL_USERS, {
  method: "post",
  path: "/password",
  summary: "Change one's own password; every other session of the account ends",
  request: {
    body: {
      required: true,
      content: {
        "application/json": {
          schema: z.strictObject({ current: z.string().min(1).max(200), next: NewPasswordSchema }),
        },
      },
    },
  },
  responses: { 204: { description: "Changed; this session stays signed in" } },
});

const signOutEverywhere = defineRoute(ALL_USERS, {
  method: "post",
  path: "/sign-out-everywhere",
  summary: "End every session of the account, this one included",
  responses: { 204: { description: "Signed out everywhere" } },
});

const redeemReset = defineRoute(ANYONE, {
  method: "post",
  path: "/reset-password",
  summary: "Set a new password with a one-time code an admin issued; every session ends",
  request: {
    body: {
      required: true,
      content: {
        "application/json": {
          schema: z.strictObject({ code: z.string().min(1).max(64), next: NewPasswordSchema }),
        },
      },
    },
  },
  responses: {
    204: { description: "Password set; sign in with it" },
    410: { description: "The code is unknown, used or expired" },
  },
});

export function authRoutes(deps: AppDeps, limiter: RateLimiter) {
  const now = deps.now ?? (() => new Date());
  const audit = deps.audit ?? createAuditLog(deps.db, { now });
  const sessionDays = deps.sessions?.lifetimeDays ?? DEFAULT_SESSION_DAYS;
  return newRouter()
    .openapi(login, async (c) => {
      const { email, password } = c.req.valid("json");
      // A browser this account signed in from before has its own budget, so
      // guesses from elsewhere cannot lock the owner out (auth/known-device.ts).
      const known = getCookie(c, KNOWN_DEVICE_COOKIE);
      const user = await deps.db.findUserByEmail(email);
      if (user && isKnownDevice(known, user, now().getTime()))
        await limiter.check("knownDevice", `${user.id}:${known}`);
      else {
        await limiter.checkAddress(c);
        await limiter.check("login", email.toLowerCase());
      }
      const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
      if (!user || !ok || user.deletedAt) {
        await audit.fromRequest(c, {
          workspaceId: user?.workspaceId ?? null,
          type: "sign-in-failed",
          actor: ANONYMOUS_ACTOR,
          target: user ? userTarget(user) : null,
          detail: { email: email.toLowerCase(), reason: user ? "password" : "unknown-email" },
        });
        throw new HttpProblem(401, "Unauthorized", "wrong email or password");
      }
      // Only after the right password: a disabled account says so.
      if (user.disabledAt) {
        await audit.fromRequest(c, {
          workspaceId: user.workspaceId,
          type: "sign-in-failed",
          actor: ANONYMOUS_ACTOR,
          target: userTarget(user),
          detail: { email: user.email, reason: "disabled" },
        });
        throw new HttpProblem(403, "Account disabled", "an admin has disabled this account", {
          slug: "account-disabled",
        });
      }
      await audit.fromRequest(c, {
        workspaceId: user.workspaceId,
        type: "sign-in",
        actor: { type: "user", id: user.id, label: user.email },
        target: userTarget(user),
      });
      const token = newToken();
      const expires = new Date(now().getTime() + sessionDays * 86_400_000);
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
    })
    .openapi(changePassword, async (c) => {
      const u = userOf(c);
      const { current, next } = c.req.valid("json");
      const me = await deps.db.getUser(u.workspaceId, u.userId);
      if (!me || !(await verifyPassword(current, me.passwordHash)))
        throw new HttpProblem(403, "Wrong password", "the current password is not right", {
          slug: "wrong-password",
        });
      const found = requestToken(c);
      await deps.db.setPassword(
        u.workspaceId,
        u.userId,
        await hashPassword(next),
        now().toISOString(),
        found ? sha256Hex(found.token) : undefined,
      );
      await audit.fromRequest(c, { type: "password-change", target: userTarget(me) });
      return c.body(null, 204);
    })
    .openapi(signOutEverywhere, async (c) => {
      const u = userOf(c);
      const ended = await deps.db.revokeUserSessions(u.workspaceId, u.userId, now().toISOString());
      deleteCookie(c, SESSION_COOKIE, { path: "/" });
      await audit.fromRequest(c, {
        type: "sign-out-everywhere",
        target: { type: "user", id: u.userId, label: u.email },
        detail: { sessions: ended },
      });
      return c.body(null, 204);
    })
    .openapi(redeemReset, async (c) => {
      const { code, next } = c.req.valid("json");
      const codeHash = sha256Hex(normaliseResetCode(code));
      await limiter.checkAddress(c);
      await limiter.check("reset", codeHash);
      const user = await deps.db.redeemPasswordReset(
        codeHash,
        await hashPassword(next),
        now().toISOString(),
      );
      if (!user)
        throw new HttpProblem(410, "Code not valid", "the reset code is unknown, used or expired", {
          slug: "reset-code-invalid",
        });
      await audit.fromRequest(c, {
        workspaceId: user.workspaceId,
        type: "password-reset-redeemed",
        actor: { type: "user", id: user.id, label: user.email },
        target: userTarget(user),
      });
      return c.body(null, 204);
    });
}
