// A synced entity (docs/sync-protocol.md "Data model of a synced
// observation"): field values with one HLC per field, plus delete/restore
// stamps. The same shape lives on the server, in
// every client mirror and on the wire.
import * as z from "zod/mini";
import { HlcSchema } from "./hlc.ts";
import { IdSchema } from "./schema/text.ts";

export const EntitySchema = z.strictObject({
  id: IdSchema,
  workspaceId: IdSchema,
  createdBy: IdSchema,
  fields: z.record(z.string(), z.unknown()),
  fieldHlc: z.record(z.string(), HlcSchema),
  deletedHlc: z.nullable(HlcSchema),
  restoredHlc: z.nullable(HlcSchema),
  version: z.number().check(z.int(), z.nonnegative()),
});
export type Entity = z.infer<typeof EntitySchema>;

/** Live iff never deleted, or restored after the last delete. */
export function isLive(e: Pick<Entity, "deletedHlc" | "restoredHlc">): boolean {
  return e.deletedHlc === null || (e.restoredHlc !== null && e.restoredHlc > e.deletedHlc);
}
