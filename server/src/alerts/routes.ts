// Alert rules and alerts over HTTP (docs/http-api.md "Alerts"): admins and
// managers write rules, read alerts and acknowledge them; a kiosk reads the
// open alerts of its own store (its staff view), nothing else.
import { z } from "@hono/zod-openapi";
import {
  ALERT_DEFAULTS,
  ALERT_STATUSES,
  AlertAckSchema,
  type AlertKind,
  AlertRuleInputSchema,
  AlertRuleSchema,
  AlertSchema,
} from "@sightline/shared/schema/alert";
import * as mini from "zod/mini";
import type { AppDeps } from "../app-deps.ts";
import { createAuditLog } from "../audit/audit-log.ts";
import { ADMINS } from "../auth/roles.ts";
import type { AlertRuleChanges, AlertRuleRecord, NewAlertRule } from "../db/port.ts";
import { classicTwin } from "../http/classic-twin.ts";
import { badRequest, notFound } from "../http/problem.ts";
import { defineRoute } from "../http/route.ts";
import { newRouter } from "../http/router.ts";
import { IdSchema } from "../http/shared-schemas.ts";
import { deviceOf, userOf } from "../middleware/auth/index.ts";

const json = <T extends z.ZodType>(schema: T) => ({ "application/json": { schema } });
const Rule = classicTwin(AlertRuleSchema).openapi("AlertRule");
const Alert = classicTwin(AlertSchema).openapi("Alert");
const RuleInput = classicTwin(AlertRuleInputSchema);
const RulePatch = classicTwin(mini.omit(AlertRuleInputSchema, { kind: true })).refine(
  (p) => Object.keys(p).length > 0,
  "change at least one field",
);
const Ack = classicTwin(AlertAckSchema);
const Params = z.object({ id: IdSchema });

const listRules = defineRoute(ADMINS, {
  method: "get",
  path: "/alert-rules",
  summary: "Alert rules",
  responses: { 200: { description: "Rules", content: json(z.object({ items: z.array(Rule) })) } },
});
const createRule = defineRoute(ADMINS, {
  method: "post",
  path: "/alert-rules",
  summary: "Create an alert rule",
  request: { body: { required: true, content: json(RuleInput) } },
  responses: { 201: { description: "Created", content: json(Rule) } },
});
const patchRule = defineRoute(ADMINS, {
  method: "patch",
  path: "/alert-rules/{id}",
  summary: "Change an alert rule",
  request: { params: Params, body: { required: true, content: json(RulePatch) } },
  responses: {
    200: { description: "Changed", content: json(Rule) },
    404: { description: "No such rule" },
  },
});
const deleteRule = defineRoute(ADMINS, {
  method: "delete",
  path: "/alert-rules/{id}",
  summary: "Delete an alert rule (its alerts stay; open ones are closed)",
  request: { params: Params },
  responses: { 204: { description: "Deleted" }, 404: { description: "No such rule" } },
});
const listAlerts = defineRoute(ADMINS, {
  method: "get",
  path: "/alerts",
  summary: "Alerts, newest first",
  request: {
    query: z.object({
      status: z.enum(ALERT_STATUSES).optional(),
      storeId: IdSchema.optional(),
      limit: z.coerce.number().int().min(1).max(500).optional(),
    }),
  },
  responses: { 200: { description: "Alerts", content: json(z.object({ items: z.array(Alert) })) } },
});
const ack = defineRoute(ADMINS, {
  method: "post",
  path: "/alerts/{id}/ack",
  summary: "Acknowledge an alert, with a note",
  request: { params: Params, body: { required: false, content: json(Ack) } },
  responses: {
    200: { description: "Acknowledged", content: json(Alert) },
    404: { description: "No such alert" },
  },
});
const kioskAlerts = defineRoute(["device:staff"], {
  method: "get",
  path: "/devices/me/alerts",
  summary: "Open alerts of the kiosk's own store (staff view)",
  responses: { 200: { description: "Alerts", content: json(z.object({ items: z.array(Alert) })) } },
});

/** A new rule with the kind's defaults filled in. */
export function ruleWithDefaults(
  input: z.infer<typeof RuleInput>,
  createdBy: string,
): NewAlertRule {
  const kind: AlertKind = input.kind;
  return {
    kind,
    name: input.name ?? null,
    storeId: input.storeId ?? null,
    competitorId: input.competitorId ?? null,
    windowMinutes:
      input.windowMinutes ??
      (kind === "competitor-price-change" ? 1440 : ALERT_DEFAULTS.windowMinutes),
    minCount: input.minCount ?? ALERT_DEFAULTS.minCount,
    threshold: input.threshold ?? ALERT_DEFAULTS.threshold[kind],
    behaviour: input.behaviour ?? null,
    hours: input.hours ?? ALERT_DEFAULTS.hours,
    deliver: input.deliver ?? ["app"],
    enabled: input.enabled ?? true,
    createdBy,
  };
}

/** Refuse a rule that names what is not there or lacks what its kind needs. */
async function checkRule(deps: AppDeps, ws: string, r: NewAlertRule | AlertRuleRecord) {
  if (r.kind === "behaviour-count-above" && !r.behaviour)
    throw badRequest("a behaviour-count-above rule names a behaviour", [
      { path: "behaviour", message: "required for this kind" },
    ]);
  if (r.storeId && !(await deps.db.getStore(ws, r.storeId)))
    throw badRequest("no such store", [{ path: "storeId", message: "no such store" }]);
  if (r.competitorId && !(await deps.db.listCompetitors(ws)).some((c) => c.id === r.competitorId))
    throw badRequest("no such competitor", [
      { path: "competitorId", message: "no such competitor" },
    ]);
}

/** The audit target of a rule: its name, or its kind when it has none. */
const ruleTarget = (r: Pick<AlertRuleRecord, "id" | "name" | "kind">) => ({
  type: "alert-rule",
  id: r.id,
  label: r.name ?? r.kind,
});

export function alertRoutes(deps: AppDeps) {
  const clock = deps.now ?? (() => new Date());
  const now = () => clock().toISOString();
  // Who changed what alerts are raised, and who said "seen" to one, is audited.
  const audit = deps.audit ?? createAuditLog(deps.db, { now: clock });
  /**
   * A deleted or disabled rule never evaluates again, so nothing would ever
   * clear its open alerts: they are closed (acknowledged by no one, with a
   * system note the web app words in the reader's language).
   */
  const closeOpen = (ws: string, ruleId: string, note: "rule deleted" | "rule disabled") =>
    deps.db.closeOpenAlertsOfRule(ws, ruleId, { note, now: now() });
  return newRouter()
    .openapi(listRules, async (c) =>
      c.json({ items: await deps.db.listAlertRules(userOf(c).workspaceId) }, 200),
    )
    .openapi(createRule, async (c) => {
      const user = userOf(c);
      const rule = ruleWithDefaults(c.req.valid("json"), user.userId);
      await checkRule(deps, user.workspaceId, rule);
      const made = await deps.db.createAlertRule(user.workspaceId, rule, now());
      await audit.fromRequest(c, {
        type: "alert",
        target: ruleTarget(made),
        detail: { action: "rule-created", kind: made.kind, enabled: made.enabled },
      });
      return c.json(made, 201);
    })
    .openapi(patchRule, async (c) => {
      const user = userOf(c);
      const { id } = c.req.valid("param");
      const cur = await deps.db.getAlertRule(user.workspaceId, id);
      if (!cur) throw notFound("alert rule");
      const body = c.req.valid("json");
      const changes: AlertRuleChanges = {};
      for (const [k, v] of Object.entries(body))
        if (v !== undefined) (changes as Record<string, unknown>)[k] = v;
      await checkRule(deps, user.workspaceId, { ...cur, ...changes });
      const out = await deps.db.updateAlertRule(user.workspaceId, id, changes, now());
      if (!out) throw notFound("alert rule");
      const closed =
        cur.enabled && !out.enabled ? await closeOpen(user.workspaceId, id, "rule disabled") : 0;
      await audit.fromRequest(c, {
        type: "alert",
        target: ruleTarget(out),
        detail: {
          action: "rule-changed",
          kind: out.kind,
          fields: Object.keys(changes).sort().join(","),
          enabled: out.enabled,
          alertsClosed: closed,
        },
      });
      if (closed > 0) await deps.alerts?.changed(user.workspaceId);
      return c.json(out, 200);
    })
    .openapi(deleteRule, async (c) => {
      const user = userOf(c);
      const { id } = c.req.valid("param");
      const cur = await deps.db.getAlertRule(user.workspaceId, id);
      if (!cur || !(await deps.db.deleteAlertRule(user.workspaceId, id, now())))
        throw notFound("alert rule");
      const closed = await closeOpen(user.workspaceId, id, "rule deleted");
      await audit.fromRequest(c, {
        type: "alert",
        target: ruleTarget(cur),
        detail: { action: "rule-deleted", kind: cur.kind, alertsClosed: closed },
      });
      if (closed > 0) await deps.alerts?.changed(user.workspaceId);
      return c.body(null, 204);
    })
    .openapi(listAlerts, async (c) => {
      const q = c.req.valid("query");
      const items = await deps.db.listAlerts(userOf(c).workspaceId, {
        status: q.status,
        storeId: q.storeId,
        limit: q.limit ?? 200,
      });
      return c.json({ items }, 200);
    })
    .openapi(ack, async (c) => {
      const user = userOf(c);
      const body = (c.req.valid("json") as { note?: string } | undefined) ?? {};
      const { id } = c.req.valid("param");
      const before = await deps.db.getAlert(user.workspaceId, id);
      const out = await deps.db.ackAlert(user.workspaceId, id, {
        by: user.userId,
        note: body.note?.trim() ? body.note.trim() : null,
        now: now(),
      });
      if (!out) throw notFound("alert");
      // Only the acknowledgement that closed it (a repeat click changes nothing).
      if (before?.status === "open")
        await audit.fromRequest(c, {
          type: "alert",
          target: { type: "alert", id: out.id, label: out.text.en },
          detail: {
            action: "acknowledged",
            kind: out.kind,
            ruleId: out.ruleId,
            note: out.ackNote ? out.ackNote.slice(0, 500) : null,
          },
        });
      await deps.alerts?.changed(user.workspaceId);
      return c.json(out, 200);
    })
    .openapi(kioskAlerts, async (c) => {
      const device = deviceOf(c);
      if (!device.storeId) return c.json({ items: [] }, 200);
      const items = await deps.db.listAlerts(device.workspaceId, {
        status: "open",
        storeId: device.storeId,
        limit: 50,
      });
      return c.json({ items }, 200);
    });
}
