// POST /v1/sync/pull — request and 200 answer. The cookie is opaque to the
// client except for ordering: (epoch, v, k) never moves backwards.
import * as z from "zod/mini";
import { EntitySchema } from "../../entity.ts";
import { HlcSchema } from "../../hlc.ts";
import { SyncConfigSchema } from "../../schema/config.ts";
import { IdSchema, wellFormed } from "../../schema/text.ts";
import { DeviceStatusReportSchema } from "./device-status.ts";
import { MAX_PULL_LIMIT } from "./protocol.ts";

export const CookieSchema = z.strictObject({
  epoch: z.string().check(z.minLength(1), z.maxLength(64), wellFormed()),
  v: z.number().check(z.int(), z.nonnegative()),
  k: z.optional(IdSchema),
});
export type Cookie = z.infer<typeof CookieSchema>;

export const PullRequestSchema = z.strictObject({
  protocol: z.literal(1),
  deviceId: IdSchema,
  clientSchema: z.number().check(z.int(), z.minimum(1)),
  cookie: z.nullable(CookieSchema),
  limit: z.optional(z.number().check(z.int(), z.minimum(1), z.maximum(MAX_PULL_LIMIT))),
  /** The device's queue and storage as it asks (optional; device-status.ts). */
  status: z.optional(DeviceStatusReportSchema),
});
export type PullRequest = z.infer<typeof PullRequestSchema>;

export const ChangeSchema = z.discriminatedUnion("op", [
  z.strictObject({ op: z.literal("put"), entity: EntitySchema }),
  z.strictObject({
    op: z.literal("del"),
    id: IdSchema,
    deletedHlc: HlcSchema,
    version: z.number().check(z.int()),
  }),
]);
export type Change = z.infer<typeof ChangeSchema>;

export const PullResponseSchema = z.object({
  cookie: CookieSchema,
  reset: z.boolean(),
  hasMore: z.boolean(),
  lastSeq: z.number().check(z.int(), z.nonnegative()),
  serverTime: z.string(),
  changes: z.array(ChangeSchema),
  config: z.optional(SyncConfigSchema),
});
export type PullResponse = z.infer<typeof PullResponseSchema>;

/** Total order of cookies within one epoch; `k` absent means "all of v seen". */
export function compareCookies(a: Cookie, b: Cookie): number {
  if (a.v !== b.v) return a.v - b.v;
  if (a.k === b.k) return 0;
  if (a.k === undefined) return 1;
  if (b.k === undefined) return -1;
  return a.k < b.k ? -1 : 1;
}
