// POST /v1/devices/{id}/unsent (admin, manager): "Import unsent data". A
// revoked (or otherwise stuck) kiosk or extension saves the writes the server
// never acknowledged as a file (shared UnsentExportSchema); a manager uploads
// it here and the server applies it as that device's push — the same Db
// push, the same seq line, under a principal made from the device's own row
// (revoked or not), never from anything the file claims. So importing a file
// twice, or importing it and later re-admitting the device, applies each
// write once: seqs at or below the device's lastSeq are duplicates.
import { z } from "@hono/zod-openapi";
import { DEFAULT_MAX_DRIFT_MS } from "@sightline/shared";
import type { AppDeps } from "../app-deps.ts";
import { ADMINS } from "../auth/roles.ts";
import { devicePrincipal } from "../db/port.ts";
import { badRequest, HttpProblem, notFound } from "../http/problem.ts";
import { defineRoute } from "../http/route.ts";
import { newRouter } from "../http/router.ts";
import { IdSchema, SeqGapSchema, UnsentExportSchema } from "../http/shared-schemas.ts";
import { userOf } from "../middleware/auth/index.ts";
import { intoClockWindow } from "../sync/clock-window.ts";
import { upcastMutations } from "../sync/upcast.ts";

const ImportAnswerSchema = z.object({
  /** Writes of the file this import applied (accepted, changed or not). */
  applied: z.number().int(),
  /** Writes the server already had (seq at or below the device's lastSeq before the import). */
  duplicates: z.number().int(),
  /** Writes of the file this import refused, each with its reason; they never block the rest. */
  rejected: z.array(z.object({ seq: z.number().int(), code: z.string(), message: z.string() })),
  /** The device's last applied seq afterwards. */
  lastSeq: z.number().int(),
});

const route = defineRoute(
  ADMINS,
  {
    method: "post",
    path: "/{id}/unsent",
    summary: "Import a device's exported unsent writes as its push",
    request: {
      params: z.object({ id: IdSchema }),
      body: { required: true, content: { "application/json": { schema: UnsentExportSchema } } },
    },
    responses: {
      200: {
        description: "Applied (importing the same file again applies nothing)",
        content: { "application/json": { schema: ImportAnswerSchema } },
      },
      404: { description: "No such device in the workspace" },
      409: {
        description: "The file starts beyond the device's lastSeq + 1",
        content: { "application/json": { schema: SeqGapSchema } },
      },
      413: { description: "Over the push body cap" },
      426: { description: "Client schema too old to upcast" },
      503: { description: "Transient failure; retry" },
    },
  },
  // As in a push, strings inside the writes are checked per write (a bad one
  // is refused `invalid`, the rest apply); the file's own fields by its schema.
  { text: { body: false } },
);

export function deviceUnsentRoutes(deps: AppDeps) {
  const now = deps.now ?? (() => new Date());
  return newRouter().openapi(route, async (c) => {
    const user = userOf(c);
    const { id } = c.req.valid("param");
    const file = c.req.valid("json");
    if (file.workspaceId !== user.workspaceId)
      throw badRequest("this file was saved by a device of another workspace", [
        { path: "workspaceId", message: "not this workspace" },
      ]);
    if (file.deviceId !== id)
      throw badRequest("this file was saved by another device", [
        { path: "deviceId", message: "not the device in the path" },
      ]);
    const device = await deps.db.getDevice(user.workspaceId, id);
    if (!device) throw notFound("device");
    const at = now();
    const maxDriftMs = deps.maxClockDriftMs ?? DEFAULT_MAX_DRIFT_MS;
    const mutations = intoClockWindow(
      upcastMutations(file.mutations, file.clientSchema),
      at,
      maxDriftMs,
    );
    const out = await deps.db.push({
      workspaceId: device.workspaceId,
      device: devicePrincipal(device),
      appVersion: file.appVersion,
      mutations,
      now: at,
      maxClockDriftMs: maxDriftMs,
    });
    if (out.kind === "seq-gap")
      return c.json({ error: "seq-gap" as const, expectedSeq: out.expectedSeq }, 409);
    if (out.kind === "seq-reused")
      throw new HttpProblem(
        409,
        "Another history",
        "the server already holds other writes under this file's sequence numbers for this device; nothing was imported",
        { slug: "seq-reused" },
      );
    if (out.kind === "transient")
      throw new HttpProblem(503, "Unavailable", "the database is busy; retry", {
        headers: { "retry-after": "1" },
      });
    // Seqs the device had already sent: the Db reports their old rejections
    // again (for a client's retry); an import counts them as duplicates only.
    const duplicates = mutations.filter((m) => m.seq <= device.lastSeq).length;
    const rejected = out.rejected.filter((r) => r.seq > device.lastSeq);
    deps.metrics.mutationsApplied.inc({}, out.applied);
    for (const r of rejected) deps.metrics.mutationsRejected.inc({ code: r.code });
    if (out.changed) deps.notifier.notify(device.workspaceId, out.version);
    deps.logger.info(
      {
        deviceId: device.id,
        userId: user.userId,
        applied: out.applied,
        duplicates,
        rejected: rejected.length,
      },
      "unsent data imported",
    );
    return c.json({ applied: out.applied, duplicates, rejected, lastSeq: out.lastSeq }, 200);
  });
}
