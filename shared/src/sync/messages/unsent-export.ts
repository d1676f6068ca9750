// "Export unsent data": the file a revoked (or otherwise stuck) kiosk or
// extension saves with the writes the server has not acknowledged. A manager
// imports it in the web app (POST /v1/devices/{id}/unsent) and the server
// applies it as that device's push: the same seq line, so importing the file
// twice, or importing it and later re-admitting the device, applies each
// write once (docs: sync protocol, "Revocation without loss").
import * as z from "zod/mini";
import { IdSchema, IsoDateTimeSchema, plainText } from "../../schema/text.ts";
import { MutationSchema } from "./mutation.ts";
import { MAX_PUSH_MUTATIONS } from "./protocol.ts";

export const UNSENT_EXPORT_FORMAT = "sightline-unsent" as const;

/** At most this many writes per file; a longer queue is saved as several files. */
export const MAX_UNSENT_PER_FILE = MAX_PUSH_MUTATIONS;

export const UnsentExportSchema = z.strictObject({
  format: z.literal(UNSENT_EXPORT_FORMAT),
  version: z.literal(1),
  deviceId: IdSchema,
  workspaceId: IdSchema,
  /** kiosk or extension, for the reader; the server trusts its own device row. */
  kind: z.enum(["kiosk", "extension"]),
  /** The client schema the mutations are written in (as in a push). */
  clientSchema: z.number().check(z.int(), z.minimum(1)),
  appVersion: plainText(50),
  exportedAt: IsoDateTimeSchema,
  /** Unacknowledged outbox entries in seq order, as they would be pushed. */
  mutations: z.array(MutationSchema).check(z.minLength(1), z.maxLength(MAX_UNSENT_PER_FILE)),
});
export type UnsentExport = z.infer<typeof UnsentExportSchema>;

/** A file name that says what it is and whose it is. */
export function unsentExportFileName(e: Pick<UnsentExport, "deviceId" | "exportedAt">): string {
  return `sightline-unsent-${e.deviceId.slice(0, 8)}-${e.exportedAt.slice(0, 10)}.json`;
}
