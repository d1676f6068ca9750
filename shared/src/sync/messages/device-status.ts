// The device's own health, sent with every push and pull (optional; protocol
// 1 addition, round 3): how many local writes wait to be sent, since when,
// and whether the browser keeps its storage. The server keeps the last one
// on the device row for the fleet view (GET /v1/devices).
import * as z from "zod/mini";
import { plainText } from "../../schema/text.ts";

export const DeviceStatusReportSchema = z.strictObject({
  /** Local writes not acknowledged by the server yet. */
  unsynced: z.number().check(z.int(), z.nonnegative()),
  /** When the oldest of them was made (ISO 8601, the device's clock); null when none. */
  oldestUnsyncedAt: z.nullable(plainText(40)),
  /** navigator.storage.persisted(); absent when the device cannot tell. */
  storagePersisted: z.optional(z.boolean()),
});
export type DeviceStatusReport = z.infer<typeof DeviceStatusReportSchema>;
