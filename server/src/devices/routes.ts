// Devices: pair with a one-time code (anonymous — the code is the
// credential), list them with their sync health, revoke them at once.
// A device id belongs to the row made at its first pairing: pairing again
// under a live device's id is refused (409 device-id-taken) and a revoked
// device is re-admitted only by a code that would have made the same device
// (db/readmission.ts), keeping its seq line.
import { z } from "@hono/zod-openapi";
import type { AppDeps } from "../app-deps.ts";
import { createAuditLog } from "../audit/audit-log.ts";
import { ADMINS, ANYONE, DEVICE_KINDS, DEVICE_ROLES } from "../auth/roles.ts";
import { newToken, normalisePairingCode, sha256Hex } from "../auth/tokens.ts";
import type { DeviceIdTaken } from "../db/port.ts";
import { PageQuerySchema, pageOf } from "../http/list-page.ts";
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
const PairedDeviceSchema = DeviceSchema.extend({
  /** The server's last applied seq of this device: 0 when new, kept on re-admission. */
  lastSeq: z.number().int(),
});
const DeviceStatusSchema = DeviceSchema.extend({
  name: z.string().nullable(),
  /** The person the device belongs to (an extension's scope). */
  ownerId: z.string(),
  lastSeq: z.number().int(),
  lastPushAt: z.string().nullable(),
  lastPullAt: z.string().nullable(),
  appVersion: z.string().nullable(),
  revoked: z.boolean(),
  createdAt: z.string(),
  /** What the device last reported of its queue (push/pull `status`); null before any report. */
  unsynced: z.object({ count: z.number().int(), oldestAt: z.string().nullable() }).nullable(),
  /** Whether the browser keeps the device's storage; null when it never said. */
  storagePersisted: z.boolean().nullable(),
  /** When the server last heard that report. */
  statusAt: z.string().nullable(),
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
        "application/json": {
          schema: z.object({ token: z.string(), device: PairedDeviceSchema }),
        },
      },
    },
    404: { description: "Unknown code" },
    409: {
      description:
        "Code already used, or the device id belongs to another device (device-id-taken)",
    },
    410: { description: "Code expired" },
  },
});
const list = defineRoute(ADMINS, {
  method: "get",
  path: "/",
  summary: "Devices of the workspace with sync health",
  request: { query: PageQuerySchema },
  responses: {
    200: {
      description: "Devices in pairing order, a page at a time",
      content: {
        "application/json": {
          schema: z.object({
            items: z.array(DeviceStatusSchema),
            nextCursor: z.string().nullable(),
          }),
        },
      },
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

const TAKEN_DETAIL: Record<DeviceIdTaken, string> = {
  "in-use": "this device id belongs to a paired device; pair with a new device id",
  "other-kind": "this device id belongs to a revoked device of another kind",
  "other-store":
    "this device id belongs to a revoked kiosk of another store; re-admit it with a code for its own store",
  "other-person":
    "this device id belongs to a revoked extension of another person; re-admit it with a code for that person",
  "issuer-not-admin": "a revoked device is re-admitted only with a code from an admin or a manager",
};
const deviceIdTaken = (why: DeviceIdTaken) =>
  new HttpProblem(409, "Device id taken", TAKEN_DETAIL[why], { slug: "device-id-taken" });

export function deviceRoutes(deps: AppDeps, limiter: RateLimiter, originsChanged: () => void) {
  const now = deps.now ?? (() => new Date());
  const audit = deps.audit ?? createAuditLog(deps.db, { now });
  return newRouter()
    .openapi(pair, async (c) => {
      const body = c.req.valid("json");
      const codeHash = sha256Hex(normalisePairingCode(body.code));
      await limiter.checkAddress(c);
      await limiter.check("pairing", codeHash);
      const origin = c.req.header("origin");
      const token = newToken();
      const at = now().toISOString();
      const r = await deps.db.pairDevice({
        codeHash,
        deviceId: body.deviceId,
        kind: body.kind,
        name: body.name ?? null,
        origin: origin && EXTENSION_ORIGIN.test(origin) ? origin : null,
        tokenHash: sha256Hex(token),
        now: at,
      });
      if (!r.ok)
        throw r.reason === "device-id-taken" ? deviceIdTaken(r.why) : PAIR_FAILURES[r.reason];
      if (r.device.origin) originsChanged();
      const { id, kind, role, storeId, workspaceId, lastSeq } = r.device;
      // A revoked device's id re-admits it, keeping its creation time.
      const readmitted = r.device.createdAt !== at;
      await audit.fromRequest(c, {
        workspaceId,
        type: readmitted ? "readmission" : "pairing",
        actor: { type: "device", id, label: r.device.name ?? `${kind}:${id}` },
        target: { type: "device", id, label: r.device.name ?? `${kind}:${id}` },
        detail: { kind, role, storeId, ownerId: r.device.ownerId },
      });
      return c.json(
        {
          token,
          device: { id, kind, role, workspaceId, ...(storeId ? { storeId } : {}), lastSeq },
        },
        201,
      );
    })
    .openapi(list, async (c) => {
      const user = userOf(c);
      const page = pageOf(await deps.db.listDevices(user.workspaceId), "asc", c.req.valid("query"));
      const items = page.items.map((d) => ({
        id: d.id,
        kind: d.kind,
        role: d.role,
        workspaceId: d.workspaceId,
        ...(d.storeId ? { storeId: d.storeId } : {}),
        name: d.name,
        ownerId: d.ownerId,
        lastSeq: d.lastSeq,
        lastPushAt: d.lastPushAt,
        lastPullAt: d.lastPullAt,
        appVersion: d.appVersion,
        revoked: d.revokedAt !== null,
        createdAt: d.createdAt,
        unsynced: d.health
          ? { count: d.health.unsynced, oldestAt: d.health.oldestUnsyncedAt }
          : null,
        storagePersisted: d.health?.storagePersisted ?? null,
        statusAt: d.health?.at ?? null,
      }));
      return c.json({ items, nextCursor: page.nextCursor }, 200);
    })
    .openapi(revoke, async (c) => {
      const user = userOf(c);
      const { id } = c.req.valid("param");
      if (!(await deps.db.revokeDevice(user.workspaceId, id, now().toISOString())))
        throw notFound("device");
      const d = await deps.db.getDevice(user.workspaceId, id);
      await audit.fromRequest(c, {
        type: "revocation",
        target: { type: "device", id, label: d?.name ?? (d ? `${d.kind}:${id}` : id) },
        detail: { kind: d?.kind ?? null, storeId: d?.storeId ?? null },
      });
      return c.body(null, 204);
    });
}
