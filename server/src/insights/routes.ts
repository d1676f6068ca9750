// Insights and actions (docs/http-api.md "Insights and actions"): change an insight
// (statement, needs, principles, status through the gates of status.ts),
// link and unlink evidence, add actions, change actions; delete insights and
// actions softly and restore them (the web app's undo). Admins and managers
// only; reading goes through GET /v1/journals/:id.
import { z } from "@hono/zod-openapi";
import type { AppDeps } from "../app-deps.ts";
import { createAuditLog } from "../audit/audit-log.ts";
import { ADMINS } from "../auth/roles.ts";
import { notFound } from "../http/problem.ts";
import { defineRoute } from "../http/route.ts";
import { newRouter } from "../http/router.ts";
import { IdSchema } from "../http/shared-schemas.ts";
import {
  ActionInputSchema,
  ActionPatchSchema,
  EvidenceInputSchema,
  InsightPatchSchema,
} from "../journals/model.ts";
import { ActionCreatedSchema, ActionSchema, InsightSchema, json } from "../journals/schemas.ts";
import { userOf } from "../middleware/auth/index.ts";
import {
  addAction,
  linkEvidence,
  nowIso,
  patchAction,
  patchInsight,
  unlinkEvidence,
  viewInsights,
} from "./service.ts";

const Params = z.object({ id: IdSchema });
const conflict = {
  description:
    "The status change is not allowed: single-source (needs evidence from another channel or an overrideReason), no-actions, or bad-transition",
};

const patch = defineRoute(ADMINS, {
  method: "patch",
  path: "/{id}",
  summary:
    "Change an insight: statement, needs, principles, status (validating one source needs overrideReason)",
  request: { params: Params, body: { required: true, content: json(InsightPatchSchema) } },
  responses: {
    200: { description: "The insight", content: json(InsightSchema) },
    404: { description: "No such insight" },
    409: conflict,
  },
});
const link = defineRoute(ADMINS, {
  method: "post",
  path: "/{id}/evidence",
  summary: "Link an observation as evidence (again: changes its stance/note)",
  request: { params: Params, body: { required: true, content: json(EvidenceInputSchema) } },
  responses: {
    200: { description: "The insight", content: json(InsightSchema) },
    404: { description: "No such insight" },
  },
});
const unlink = defineRoute(ADMINS, {
  method: "delete",
  path: "/{id}/evidence/{observationId}",
  summary: "Unlink an observation",
  request: { params: Params.extend({ observationId: IdSchema }) },
  responses: {
    200: { description: "The insight", content: json(InsightSchema) },
    404: { description: "No such insight or link" },
  },
});
const newAction = defineRoute(ADMINS, {
  method: "post",
  path: "/{id}/actions",
  summary: "Add an action",
  request: { params: Params, body: { required: true, content: json(ActionInputSchema) } },
  responses: {
    201: {
      description: "Created",
      content: json(ActionCreatedSchema),
    },
    404: { description: "No such insight" },
  },
});
const removeInsight = defineRoute(ADMINS, {
  method: "delete",
  path: "/{id}",
  summary: "Delete an insight with its evidence links and actions (undo: POST /{id}/restore)",
  request: { params: Params },
  responses: { 204: { description: "Deleted" }, 404: { description: "No such insight" } },
});
const restoreInsight = defineRoute(ADMINS, {
  method: "post",
  path: "/{id}/restore",
  summary: "Undo a delete: the insight comes back as it was",
  request: { params: Params },
  responses: {
    200: { description: "The insight", content: json(InsightSchema) },
    404: { description: "No such deleted insight" },
  },
});
const removeAction = defineRoute(ADMINS, {
  method: "delete",
  path: "/{id}",
  summary: "Delete an action (undo: POST /{id}/restore)",
  request: { params: Params },
  responses: { 204: { description: "Deleted" }, 404: { description: "No such action" } },
});
const restoreAction = defineRoute(ADMINS, {
  method: "post",
  path: "/{id}/restore",
  summary: "Undo a delete: the action comes back as it was",
  request: { params: Params },
  responses: {
    200: { description: "The action", content: json(ActionSchema) },
    404: { description: "No such deleted action, or its insight is deleted" },
  },
});
const changeAction = defineRoute(ADMINS, {
  method: "patch",
  path: "/{id}",
  summary: "Change an action (status todo|doing|done|dropped, title, owner, due)",
  request: { params: Params, body: { required: true, content: json(ActionPatchSchema) } },
  responses: {
    200: { description: "The action", content: json(ActionSchema) },
    404: { description: "No such action" },
  },
});

export function insightRoutes(deps: AppDeps) {
  return newRouter()
    .openapi(patch, async (c) =>
      c.json(
        await patchInsight(deps, userOf(c), c.req.valid("param").id, c.req.valid("json")),
        200,
      ),
    )
    .openapi(link, async (c) =>
      c.json(
        await linkEvidence(deps, userOf(c), c.req.valid("param").id, c.req.valid("json")),
        200,
      ),
    )
    .openapi(unlink, async (c) => {
      const p = c.req.valid("param");
      return c.json(await unlinkEvidence(deps, userOf(c), p.id, p.observationId), 200);
    })
    .openapi(newAction, async (c) => {
      const action = await addAction(deps, userOf(c), c.req.valid("param").id, c.req.valid("json"));
      return c.json({ id: action.id, action }, 201);
    })
    .openapi(removeInsight, async (c) => {
      const ws = userOf(c).workspaceId;
      const id = c.req.valid("param").id;
      const what = await deps.db.getInsight(ws, id);
      if (!(await deps.db.deleteInsight(ws, id, nowIso(deps)))) throw notFound("insight");
      await (deps.audit ?? createAuditLog(deps.db)).fromRequest(c, {
        type: "deletion",
        target: { type: "insight", id, label: what?.statement.slice(0, 200) ?? null },
      });
      return c.body(null, 204);
    })
    .openapi(restoreInsight, async (c) => {
      const ws = userOf(c).workspaceId;
      const back = await deps.db.restoreInsight(ws, c.req.valid("param").id, nowIso(deps));
      if (!back) throw notFound("deleted insight");
      return c.json((await viewInsights(deps, ws, [back]))[0], 200);
    });
}

export function actionRoutes(deps: AppDeps) {
  return newRouter()
    .openapi(changeAction, async (c) =>
      c.json(await patchAction(deps, userOf(c), c.req.valid("param").id, c.req.valid("json")), 200),
    )
    .openapi(removeAction, async (c) => {
      const ws = userOf(c).workspaceId;
      const id = c.req.valid("param").id;
      const what = await deps.db.getAction(ws, id);
      if (!(await deps.db.deleteAction(ws, id, nowIso(deps)))) throw notFound("action");
      await (deps.audit ?? createAuditLog(deps.db)).fromRequest(c, {
        type: "deletion",
        target: { type: "action", id, label: what?.title.slice(0, 200) ?? null },
      });
      return c.body(null, 204);
    })
    .openapi(restoreAction, async (c) => {
      const ws = userOf(c).workspaceId;
      const back = await deps.db.restoreAction(ws, c.req.valid("param").id, nowIso(deps));
      if (!back) throw notFound("deleted action");
      return c.json(back, 200);
    });
}
