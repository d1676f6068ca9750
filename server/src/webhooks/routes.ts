// Webhooks (admins and managers): subscribe a URL with a secret, list (never
// the secret), delete, send a test now, read the delivery log. And each
// person's notification preferences (email language, weekly digest).
import { z } from "@hono/zod-openapi";
import { uuidv7 } from "@sightline/shared";
import {
  NotificationPrefsInputSchema,
  NotificationPrefsSchema,
  WebhookDeliveryListSchema,
  WebhookDeliverySchema,
  WebhookInputSchema,
  WebhookListSchema,
} from "@sightline/shared/schema/webhook";
import type { AppDeps } from "../app-deps.ts";
import { createAuditLog } from "../audit/audit-log.ts";
import { ADMINS, ALL_USERS } from "../auth/roles.ts";
import type { WebhookDelivery, WebhookRecord } from "../db/port.ts";
import { classicTwin } from "../http/classic-twin.ts";
import { HttpProblem, notFound } from "../http/problem.ts";
import { defineRoute } from "../http/route.ts";
import { newRouter } from "../http/router.ts";
import { IdSchema } from "../http/shared-schemas.ts";
import { userOf } from "../middleware/auth/index.ts";
import { testBody } from "./payload.ts";
import { sendSigned } from "./send.ts";
import { checkWebhookTarget } from "./target-url.ts";

const json = <T extends z.ZodType>(schema: T) => ({ "application/json": { schema } });
const Id = z.object({ id: IdSchema });
const MAX_WEBHOOKS = 20;

const list = defineRoute(ADMINS, {
  method: "get",
  path: "/",
  summary: "Webhook subscriptions (without their secrets)",
  responses: {
    200: { description: "Subscriptions", content: json(classicTwin(WebhookListSchema)) },
  },
});
const create = defineRoute(ADMINS, {
  method: "post",
  path: "/",
  summary: "Subscribe a URL to events, signed with a secret",
  request: { body: { required: true, content: json(classicTwin(WebhookInputSchema)) } },
  responses: { 201: { description: "Subscribed", content: json(z.object({ id: z.string() })) } },
});
const remove = defineRoute(ADMINS, {
  method: "delete",
  path: "/{id}",
  summary: "Delete a subscription and its delivery log",
  request: { params: Id },
  responses: { 204: { description: "Deleted" }, 404: { description: "No such webhook" } },
});
const test = defineRoute(ADMINS, {
  method: "post",
  path: "/{id}/test",
  summary: "Send a signed test event now and say what the receiver answered",
  request: { params: Id },
  responses: {
    200: {
      description: "The attempt (delivered or failed)",
      content: json(classicTwin(WebhookDeliverySchema)),
    },
    404: { description: "No such webhook" },
  },
});
const deliveries = defineRoute(ADMINS, {
  method: "get",
  path: "/{id}/deliveries",
  summary: "The delivery log, newest first: status codes, attempts, next retry",
  request: {
    params: Id,
    query: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) }),
  },
  responses: {
    200: { description: "Deliveries", content: json(classicTwin(WebhookDeliveryListSchema)) },
    404: { description: "No such webhook" },
  },
});

/** The audit target: the URL tells an admin which receiver it was; the secret never goes in. */
const target = (w: Pick<WebhookRecord, "id" | "url">) => ({
  type: "webhook",
  id: w.id,
  label: w.url,
});

const view = ({ secret: _s, workspaceId: _w, ...w }: WebhookRecord) => w;
const deliveryView = ({ body: _b, webhookId: _h, ...d }: WebhookDelivery) => d;

export function webhookRoutes(deps: AppDeps) {
  const now = deps.now ?? (() => new Date());
  // A webhook sends alert data out of Sightline: subscribing and deleting are audited.
  const audit = deps.audit ?? createAuditLog(deps.db, { now });
  const policy = { allowPrivate: deps.webhookAllowPrivate ?? false };
  return newRouter()
    .openapi(list, async (c) => {
      const items = await deps.db.listWebhooks(userOf(c).workspaceId);
      return c.json({ items: items.map(view) }, 200);
    })
    .openapi(create, async (c) => {
      const user = userOf(c);
      const body = c.req.valid("json");
      const url = await checkWebhookTarget(body.url, policy);
      // Typed refusals, so the web app says them in the user's language: a
      // malformed URL, or an address only the server can reach (its class in the detail).
      if (!url.ok)
        throw new HttpProblem(
          400,
          url.refused ? "Webhook address refused" : "Webhook URL refused",
          url.reason,
          {
            slug: url.refused ? "webhook-address" : "webhook-url",
            errors: [{ path: "url", message: url.reason }],
          },
        );
      if ((await deps.db.listWebhooks(user.workspaceId)).length >= MAX_WEBHOOKS)
        throw new HttpProblem(409, "Too many webhooks", `at most ${MAX_WEBHOOKS} per workspace`, {
          slug: "webhook-limit",
        });
      const hook = await deps.db.createWebhook(
        {
          id: uuidv7(),
          workspaceId: user.workspaceId,
          url: url.url,
          secret: body.secret,
          events: [...new Set(body.events ?? [])],
          language: body.language ?? "vi",
          createdBy: user.userId,
        },
        now().toISOString(),
      );
      await audit.fromRequest(c, {
        type: "webhook",
        target: target(hook),
        detail: { action: "created" },
      });
      return c.json({ id: hook.id }, 201);
    })
    .openapi(remove, async (c) => {
      const ws = userOf(c).workspaceId;
      const hook = await deps.db.getWebhook(ws, c.req.valid("param").id);
      if (!hook || !(await deps.db.deleteWebhook(ws, hook.id))) throw notFound("webhook");
      await audit.fromRequest(c, {
        type: "webhook",
        target: target(hook),
        detail: { action: "deleted" },
      });
      return c.body(null, 204);
    })
    .openapi(test, async (c) => {
      const ws = userOf(c).workspaceId;
      const hook = await deps.db.getWebhook(ws, c.req.valid("param").id);
      if (!hook) throw notFound("webhook");
      const at = now().toISOString();
      const eventId = uuidv7();
      const id = uuidv7();
      const body = testBody({ id: eventId, createdAt: at, locale: hook.language });
      await deps.db.recordDeliveries(ws, {
        deliveries: [{ id, webhookId: hook.id, eventId, type: "webhook.test", body }],
        jobs: [],
        now: at,
        nowMs: Date.parse(at),
      });
      // A test is one attempt, now, so the manager sees the answer; it is not retried.
      const r = await sendSigned({
        url: hook.url,
        secret: hook.secret,
        body,
        eventType: "webhook.test",
        eventId,
        deliveryId: id,
        policy,
      });
      await deps.db.updateDelivery(ws, id, {
        status: r.ok ? "delivered" : "failed",
        attempts: 1,
        lastStatusCode: r.statusCode,
        lastError: r.error,
        nextAttemptAt: null,
        deliveredAt: r.ok ? now().toISOString() : null,
      });
      const d = await deps.db.getDelivery(ws, id);
      if (!d) throw notFound("delivery");
      return c.json(deliveryView(d), 200);
    })
    .openapi(deliveries, async (c) => {
      const ws = userOf(c).workspaceId;
      const { id } = c.req.valid("param");
      if (!(await deps.db.getWebhook(ws, id))) throw notFound("webhook");
      const items = await deps.db.listDeliveries(ws, id, c.req.valid("query").limit);
      return c.json({ items: items.map(deliveryView) }, 200);
    });
}

const getPrefs = defineRoute(ALL_USERS, {
  method: "get",
  path: "/preferences",
  summary: "The caller's notification preferences",
  responses: {
    200: { description: "Preferences", content: json(classicTwin(NotificationPrefsSchema)) },
  },
});
const putPrefs = defineRoute(ALL_USERS, {
  method: "put",
  path: "/preferences",
  summary: "Change the caller's email language or weekly digest",
  request: { body: { required: true, content: json(classicTwin(NotificationPrefsInputSchema)) } },
  responses: {
    200: { description: "Preferences", content: json(classicTwin(NotificationPrefsSchema)) },
  },
});

export function notificationPrefsRoutes(deps: AppDeps) {
  const emailEnabled = deps.emailEnabled ?? false;
  return newRouter()
    .openapi(getPrefs, async (c) => {
      const u = userOf(c);
      return c.json(
        { ...(await deps.db.getNotificationPrefs(u.workspaceId, u.userId)), emailEnabled },
        200,
      );
    })
    .openapi(putPrefs, async (c) => {
      const u = userOf(c);
      const b = c.req.valid("json");
      const prefs = await deps.db.setNotificationPrefs(u.workspaceId, u.userId, {
        ...(b.language !== undefined ? { language: b.language } : {}),
        ...(b.weeklyDigest !== undefined ? { weeklyDigest: b.weeklyDigest } : {}),
      });
      return c.json({ ...prefs, emailEnabled }, 200);
    });
}
