// Devices: pair with a one-time code (anonymous — the code is the
// credential), list them with their sync health, revoke them at once.
import { z } from "@hono/zod-openapi";
import type { AppDeps } from "../app-deps.ts";
import { ADMINS, ANYONE, DEVICE_KINDS, DEVICE_ROLES } from "../auth/roles.ts";
import { newToken, normalisePairingCode, sha256Hex } from "../auth/tokens.ts";
import { badRequest, HttpProblem, notFound } from "../http/problem.ts";
import { defineRoute } from "../http/route.ts";
import { newRouter } from "../http/router.ts";
import { IdSchema } from "../http/shared-schemas.ts";
import { userOf } from "../middleware/auth/index.ts";
import { EXTENSION_ORIGIN } from "../middleware/cors/index.ts";
import type { RateLimiter } from "../middleware/rate-limit/index.ts";

const PairSchema = z.strictObject({
  code: z.string().min(1).max(32),
  deviceId: IdSchema,
  kind: z.enum(DEVICE_KINDS),
  name: z.string().trim().min(1).max(100).optional(),
});
const DeviceSchema = z.object({
  id: z.string(),
  kind: z.enum(DEVICE_KINDS),
  role: z.enum(DEVICE_ROLES),
  storeId: z.string().optional(),
  workspaceId: z.string(),
});
const DeviceStatusSchema = DeviceSchema.extend({
  name: z.string().nullable(),
  lastSeq: z.number().int(),
  lastPushAt: z.string().nullable(),
  lastPullAt: z.string().nullable(),
  appVersion: z.string().nullable(),
  revoked: z.boolean(),
  createdAt: z.string(),
});

const pair = defineRoute(ANYONE, {
  method: "post",
  path: "/pair",
  summary: "Pair a kiosk or extension with a one-time code",
  request: { body: { required: true, content: { "application/json": { schema: PairSchema } } } },
  responses: {
    201: {
      description: "Paired",
      content: {
        "application/json": { schema: z.object({ token: z.string(), device: DeviceSchema }) },
      },
    },
    404: { description: "Unknown code" },
    409: { description: "Code already used" },
    410: { description: "Code expired" },
  },
});
const list = defineRoute(ADMINS, {
  method: "get",
  path: "/",
  summary: "Devices of the workspace with sync health",
  responses: {
    200: {
      description: "Devices",
      content: { "application/json": { schema: z.object({ items: z.array(DeviceStatusSchema) }) } },
    },
  },
});
const revoke = defineRoute(ADMINS, {
  method: "delete",
  path: "/{id}",
  summary: "Revoke a device's token at once",
  request: { params: z.object({ id: IdSchema }) },
  responses: { 204: { description: "Revoked" }, 404: { description: "No such device" } },
});

const PAIR_FAILURES = {
  unknown: new HttpProblem(404, "Unknown pairing code", "check the code or ask for a new one", {
    slug: "pairing-code-unknown",
  }),
  used: new HttpProblem(
    409,
    "Pairing code already used",
    "each code pairs one device; ask for a new one",
    { slug: "pairing-code-used" },
  ),
  expired: new HttpProblem(
    410,
    "Pairing code expired",
    "codes last 15 minutes; ask for a new one",
    { slug: "pairing-code-expired" },
  ),
  "kind-mismatch": badRequest("staff codes pair kiosks and marketer codes pair extensions"),
};

export function deviceRoutes(deps: AppDeps, limiter: RateLimiter, originsChanged: () => void) {
  const now = deps.now ?? (() => new Date());
  return newRouter()
    .openapi(pair, async (c) => {
      const body = c.req.valid("json");
      const codeHash = sha256Hex(normalisePairingCode(body.code));
      limiter.check("pairing", codeHash);
      const origin = c.req.header("origin");
      const token = newToken();
      const r = await deps.store.pairDevice({
        codeHash,
        deviceId: body.deviceId,
        kind: body.kind,
        name: body.name ?? null,
        origin: origin && EXTENSION_ORIGIN.test(origin) ? origin : null,
        tokenHash: sha256Hex(token),
        now: now().toISOString(),
      });
      if (!r.ok) throw PAIR_FAILURES[r.reason];
      if (r.device.origin) originsChanged();
      const { id, kind, role, storeId, workspaceId } = r.device;
      return c.json(
        { token, device: { id, kind, role, workspaceId, ...(storeId ? { storeId } : {}) } },
        201,
      );
    })
    .openapi(list, async (c) => {
      const user = userOf(c);
      const items = (await deps.store.listDevices(user.workspaceId)).map((d) => ({
        id: d.id,
        kind: d.kind,
        role: d.role,
        workspaceId: d.workspaceId,
        ...(d.storeId ? { storeId: d.storeId } : {}),
        name: d.name,
        lastSeq: d.lastSeq,
        lastPushAt: d.lastPushAt,
        lastPullAt: d.lastPullAt,
        appVersion: d.appVersion,
        revoked: d.revokedAt !== null,
        createdAt: d.createdAt,
      }));
      return c.json({ items }, 200);
    })
    .openapi(revoke, async (c) => {
      const user = userOf(c);
      const { id } = c.req.valid("param");
      if (!(await deps.store.revokeDevice(user.workspaceId, id, now().toISOString())))
        throw notFound("device");
      return c.body(null, 204);
    });
}
