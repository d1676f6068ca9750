// POST /v1/sync/push (docs/sync-protocol.md "Push"): envelope checks here, the algorithm in the
// Db (one durable transaction), the answer only after commit, then a poke.
import type { ZodError } from "zod";
import { touchedBy } from "../alerts/evaluator.ts";
import type { AppDeps } from "../app-deps.ts";
import { ALL_DEVICES } from "../auth/roles.ts";
import { keepDeviceStatus } from "../devices/health.ts";
import {
  badRequest,
  fieldErrors,
  forbidden,
  HttpProblem,
  problemResponse,
} from "../http/problem.ts";
import { defineRoute } from "../http/route.ts";
import { newRouter } from "../http/router.ts";
import {
  PushRequestSchema,
  PushResponseSchema,
  SeqGapSchema,
  SeqReusedSchema,
} from "../http/shared-schemas.ts";
import { deviceOf } from "../middleware/auth/index.ts";
import { upcastMutations } from "./upcast.ts";

const route = defineRoute(
  ALL_DEVICES,
  {
    method: "post",
    path: "/push",
    summary: "Push a device's queued mutations",
    request: {
      body: { required: true, content: { "application/json": { schema: PushRequestSchema } } },
    },
    responses: {
      200: {
        description: "Applied prefix",
        content: { "application/json": { schema: PushResponseSchema } },
      },
      409: {
        description: "Seq gap, or seqs already used by another history of this device id",
        content: { "application/json": { schema: SeqGapSchema.or(SeqReusedSchema) } },
      },
      413: { description: "Over 1 MiB or 500 mutations" },
      426: { description: "Client schema too old to upcast" },
      503: { description: "Transient failure; retry" },
    },
  },
  // Strings inside mutations are checked per mutation (a bad one is rejected
  // `invalid` and never blocks the queue); the envelope's by its schema.
  { text: { body: false } },
);

/** Too many mutations is "too large" (the client halves its batch), not "malformed". */
function tooManyOrBad(result: { success: true } | { success: false; error: ZodError }) {
  if (result.success) return;
  if (result.error.issues.some((i) => i.code === "too_big" && i.path.join(".") === "mutations"))
    return problemResponse(new HttpProblem(413, "Too large", "at most 500 mutations per push"));
  return problemResponse(badRequest("invalid push envelope", fieldErrors(result.error)));
}

export function syncPushRoutes(deps: AppDeps) {
  const now = deps.now ?? (() => new Date());
  return newRouter().openapi(
    route,
    async (c) => {
      const device = deviceOf(c);
      const body = c.req.valid("json");
      if (body.deviceId !== device.deviceId)
        throw forbidden("deviceId does not match the token's device");
      const mutations = upcastMutations(body.mutations, body.clientSchema);
      const at = now();
      await keepDeviceStatus(deps.db, device, body.status, at);
      const out = await deps.db.push({
        workspaceId: device.workspaceId,
        device,
        appVersion: body.appVersion,
        mutations,
        now: at,
        ...(deps.maxClockDriftMs !== undefined ? { maxClockDriftMs: deps.maxClockDriftMs } : {}),
      });
      deps.metrics.syncPushes.inc({ outcome: out.kind });
      if (out.kind === "seq-gap")
        return c.json({ error: "seq-gap" as const, expectedSeq: out.expectedSeq }, 409);
      if (out.kind === "seq-reused")
        return c.json({ error: "seq-reused" as const, lastSeq: out.lastSeq }, 409);
      if (out.kind === "transient")
        throw new HttpProblem(503, "Unavailable", "the database is busy; retry", {
          headers: { "retry-after": "1" },
        });
      deps.metrics.mutationsApplied.inc({}, out.applied);
      for (const r of out.rejected) deps.metrics.mutationsRejected.inc({ code: r.code });
      if (out.changed) {
        deps.notifier.notify(device.workspaceId, out.version);
        // Alert rules run after the answer, never failing the push (docs/alerts.md).
        try {
          deps.alerts?.afterPush(device.workspaceId, touchedBy(mutations, device.storeId));
        } catch (e) {
          deps.logger.error({ err: e }, "alert evaluation could not be scheduled");
        }
      }
      return c.json(
        {
          lastSeq: out.lastSeq,
          version: out.version,
          serverTime: at.toISOString(),
          rejected: out.rejected,
        },
        200,
      );
    },
    (result) => tooManyOrBad(result),
  );
}
