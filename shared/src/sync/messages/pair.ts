// POST /v1/devices/pair — trade a one-time code for a device token. A revoked
// device pairs again under its old id (re-admission) and keeps its seq line;
// an id held by a device that is not revoked is refused 409 device-id-taken.
import * as z from "zod/mini";
import { IdSchema } from "../../schema/text.ts";

/** What pairs: a store tablet (staff code) or a browser extension (marketer code). */
export const DEVICE_KINDS = ["kiosk", "extension"] as const;
export type DeviceKind = (typeof DEVICE_KINDS)[number];

export const PairRequestSchema = z.strictObject({
  code: z.string().check(z.minLength(1), z.maxLength(32)),
  deviceId: IdSchema,
  kind: z.enum(DEVICE_KINDS),
  name: z.optional(z.string().check(z.minLength(1), z.maxLength(100))),
});
export type PairRequest = z.infer<typeof PairRequestSchema>;

/**
 * The 201 answer. `kind` and `role` are open strings here so a client keeps
 * pairing when the server learns a new one; `lastSeq` is absent from servers
 * older than round 2 (read as 0).
 */
export const PairResponseSchema = z.object({
  token: z.string().check(z.minLength(1)),
  device: z.object({
    id: z.string().check(z.minLength(1)),
    kind: z.string(),
    role: z.string(),
    storeId: z.optional(z.string()),
    workspaceId: z.string().check(z.minLength(1)),
    /** The server's last applied seq of this id: 0 when new, kept on re-admission. */
    lastSeq: z.optional(z.number().check(z.int(), z.nonnegative())),
  }),
});
export type PairResponse = z.infer<typeof PairResponseSchema>;
