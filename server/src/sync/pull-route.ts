// POST /v1/sync/pull (docs/sync-protocol.md "Pull"): one read snapshot of the device's scope, plus
// its config on the first page of a pull session (a cookie without `k`).
// The answer is written as bytes: the Db hands each change over as UTF-8
// JSON (sync/change-json.ts) and it is spliced in, never parsed again.
import { CLIENT_SCHEMA_VERSION, DEFAULT_PULL_LIMIT, type SyncConfig } from "@sightline/shared";
import type { AppDeps } from "../app-deps.ts";
import { ALL_DEVICES } from "../auth/roles.ts";
import type { Db, DevicePrincipal } from "../db/port.ts";
import { keepDeviceStatus } from "../devices/health.ts";
import { badRequest, forbidden } from "../http/problem.ts";
import { defineRoute } from "../http/route.ts";
import { newRouter } from "../http/router.ts";
import { PullRequestSchema, PullResponseSchema } from "../http/shared-schemas.ts";
import { deviceOf } from "../middleware/auth/index.ts";
import { changesArray } from "./change-json.ts";

const route = defineRoute(ALL_DEVICES, {
  method: "post",
  path: "/pull",
  summary: "Pull changes in the device's scope",
  request: {
    body: { required: true, content: { "application/json": { schema: PullRequestSchema } } },
  },
  responses: {
    200: {
      description: "One page",
      content: { "application/json": { schema: PullResponseSchema } },
    },
  },
});

const MAX_TAGS = 200;
const CHANGES_KEY = Buffer.from('{"changes":');

/**
 * Tags in use, counted over every live observation of the workspace. They are
 * only suggestions in the extension, yet every sync round of every extension
 * asks (its first pull page): count once a minute per workspace, not per ask.
 */
const TAGS_FRESH_MS = 60_000;

export function recentTags(db: Pick<Db, "listTags">, now: () => Date) {
  const counted = new Map<string, { at: number; tags: Promise<string[]> }>();
  return (workspaceId: string): Promise<string[]> => {
    const t = now().getTime();
    const hit = counted.get(workspaceId);
    if (hit && t - hit.at < TAGS_FRESH_MS) return hit.tags;
    const tags = db.listTags(workspaceId, MAX_TAGS);
    counted.set(workspaceId, { at: t, tags });
    tags.catch(() => counted.delete(workspaceId));
    return tags;
  };
}

/** Kiosk: workspace + its store. Extension: workspace + competitors + tags in use. */
export async function deviceConfig(
  db: Db,
  d: DevicePrincipal,
  tagsOf: (workspaceId: string) => Promise<string[]>,
): Promise<SyncConfig> {
  const ws = await db.getWorkspace(d.workspaceId);
  const workspace = { id: d.workspaceId, name: ws?.name ?? "" };
  if (d.role === "staff") {
    const s = d.storeId ? await db.getStore(d.workspaceId, d.storeId) : null;
    return s ? { workspace, store: s } : { workspace };
  }
  const [competitors, tags] = await Promise.all([
    db.listCompetitors(d.workspaceId),
    tagsOf(d.workspaceId),
  ]);
  return { workspace, competitors, tags };
}

export function syncPullRoutes(deps: AppDeps) {
  const now = deps.now ?? (() => new Date());
  const tagsOf = recentTags(deps.db, now);
  return newRouter().openapi(route, async (c) => {
    const device = deviceOf(c);
    const body = c.req.valid("json");
    if (body.deviceId !== device.deviceId)
      throw forbidden("deviceId does not match the token's device");
    if (body.clientSchema > CLIENT_SCHEMA_VERSION)
      throw badRequest(
        `client schema ${body.clientSchema} is newer than this server's ${CLIENT_SCHEMA_VERSION}`,
      );
    const at = now();
    await keepDeviceStatus(deps.db, device, body.status, at);
    const page = await deps.db.pull({
      workspaceId: device.workspaceId,
      device,
      cookie: body.cookie,
      limit: body.limit ?? DEFAULT_PULL_LIMIT,
      now: at,
      kioskWindowDays: deps.kioskWindowDays ?? 30,
    });
    deps.metrics.pullPages.inc({ role: device.role });
    const first = body.cookie?.k === undefined;
    const config = first ? await deviceConfig(deps.db, device, tagsOf) : undefined;
    const { changes, ...head } = page;
    const rest = JSON.stringify({
      ...head,
      serverTime: at.toISOString(),
      ...(config ? { config } : {}),
    });
    // `rest` is a non-empty object's JSON text: `{…}` → `{"changes":[…],…}`.
    const answer = Buffer.concat([
      CHANGES_KEY,
      changesArray(changes),
      Buffer.from(`,${rest.slice(1)}`),
    ]);
    return c.body(answer, 200, { "content-type": "application/json" }) as never;
  });
}
