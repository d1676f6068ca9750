// API keys for scripts and BI tools (docs/http-api.md "API keys"): admins
// create one (POST → 201 {id, key}, the secret shown once), list them (no
// secrets: name, scope, creator, created, last used, revoked, whether it
// resolves now) and revoke one (DELETE → 204, at once). Only admins: a key is
// a standing credential of the workspace, not of a sign-in, so issuing one is
// the same decision as adding a person. Created and revoked keys are audited
// (type `api-key`, the key as target, never its secret).
import { z } from "@hono/zod-openapi";
import { uuidv7 } from "@sightline/shared";
import { API_KEY_SCOPES, API_KEY_STATES, NewApiKeySchema } from "@sightline/shared/schema/api-key";
import type { AppDeps } from "../app-deps.ts";
import { createAuditLog } from "../audit/audit-log.ts";
import { sha256Hex } from "../auth/tokens.ts";
import type { ApiKeyRecord } from "../db/port.ts";
import { classicTwin } from "../http/classic-twin.ts";
import { notFound } from "../http/problem.ts";
import { defineRoute } from "../http/route.ts";
import { newRouter } from "../http/router.ts";
import { userOf } from "../middleware/auth/index.ts";
import { hintOf, newApiKey } from "./key-format.ts";

/** Who manages keys. */
const KEY_ADMINS = ["admin"] as const;

const ApiKeySchema = z.object({
  id: z.string(),
  name: z.string(),
  scope: z.enum(API_KEY_SCOPES),
  hint: z.string().describe("the key's last 4 characters"),
  createdBy: z.object({ id: z.string(), label: z.string() }),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable().describe("written at most once a minute"),
  revokedAt: z.string().nullable(),
  state: z
    .enum(API_KEY_STATES)
    .describe("creator-inactive: its creator is disabled, deleted or no longer an admin"),
});

const IdParam = z.object({ id: z.string().min(1).max(100) });

const create = defineRoute(KEY_ADMINS, {
  method: "post",
  path: "/",
  summary: "Create an API key (read: what a viewer reads; import: observation imports only)",
  request: {
    body: {
      required: true,
      content: { "application/json": { schema: classicTwin(NewApiKeySchema) } },
    },
  },
  responses: {
    201: {
      description: "The key, shown once: only its sha256 is kept",
      content: {
        "application/json": { schema: z.object({ id: z.string(), key: z.string() }) },
      },
    },
  },
});

const list = defineRoute(KEY_ADMINS, {
  method: "get",
  path: "/",
  summary: "The workspace's API keys, newest first (never their secrets)",
  responses: {
    200: {
      description: "Keys, revoked ones too",
      content: { "application/json": { schema: z.object({ items: z.array(ApiKeySchema) }) } },
    },
  },
});

const revoke = defineRoute(KEY_ADMINS, {
  method: "delete",
  path: "/{id}",
  summary: "Revoke an API key at once",
  request: { params: IdParam },
  responses: {
    204: { description: "Revoked (again: no change)" },
    404: { description: "No such key" },
  },
});

const toWire = (k: ApiKeyRecord) =>
  ({
    id: k.id,
    name: k.name,
    scope: k.scope,
    hint: k.hint,
    createdBy: { id: k.createdBy, label: k.createdByLabel },
    createdAt: k.createdAt,
    lastUsedAt: k.lastUsedAt,
    revokedAt: k.revokedAt,
    state: k.revokedAt ? "revoked" : k.creatorActive ? "active" : "creator-inactive",
  }) as const;

const target = (k: Pick<ApiKeyRecord, "id" | "name">) => ({
  type: "api-key",
  id: k.id,
  label: k.name,
});

export function apiKeyRoutes(deps: AppDeps) {
  const now = deps.now ?? (() => new Date());
  const audit = deps.audit ?? createAuditLog(deps.db, { now });
  return newRouter()
    .openapi(create, async (c) => {
      const admin = userOf(c);
      const body = c.req.valid("json");
      const key = newApiKey();
      const created = await deps.db.createApiKey({
        id: uuidv7(),
        workspaceId: admin.workspaceId,
        name: body.name,
        scope: body.scope,
        hint: hintOf(key),
        keyHash: sha256Hex(key),
        createdBy: admin.userId,
        createdAt: now().toISOString(),
      });
      await audit.fromRequest(c, {
        type: "api-key",
        target: target(created),
        detail: { action: "created", scope: created.scope },
      });
      c.header("cache-control", "no-store");
      return c.json({ id: created.id, key }, 201);
    })
    .openapi(list, async (c) => {
      const keys = await deps.db.listApiKeys(userOf(c).workspaceId);
      return c.json({ items: keys.map(toWire) }, 200);
    })
    .openapi(revoke, async (c) => {
      const admin = userOf(c);
      const { id } = c.req.valid("param");
      const r = await deps.db.revokeApiKey(admin.workspaceId, id, now().toISOString());
      if (!r) throw notFound("API key");
      if (r.revokedNow)
        await audit.fromRequest(c, {
          type: "api-key",
          target: target(r.key),
          detail: { action: "revoked", scope: r.key.scope },
        });
      return c.body(null, 204);
    });
}
