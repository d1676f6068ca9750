// POST /v1/sync/push — request, 200 answer and the 409 answers (seq-gap, seq-reused).
import * as z from "zod/mini";
import { IdSchema, plainText } from "../../schema/text.ts";
import { DeviceStatusReportSchema } from "./device-status.ts";
import { MutationSchema } from "./mutation.ts";
import { MAX_PUSH_MUTATIONS } from "./protocol.ts";

export const PushRequestSchema = z.strictObject({
  protocol: z.literal(1),
  deviceId: IdSchema,
  clientSchema: z.number().check(z.int(), z.minimum(1)),
  appVersion: plainText(50),
  mutations: z.array(MutationSchema).check(z.maxLength(MAX_PUSH_MUTATIONS)),
  /** The device's queue and storage as it sends this (optional; device-status.ts). */
  status: z.optional(DeviceStatusReportSchema),
});
export type PushRequest = z.infer<typeof PushRequestSchema>;

export const RejectedMutationSchema = z.object({
  seq: z.number().check(z.int()),
  code: z.string(),
  message: z.string(),
});
export type RejectedMutation = z.infer<typeof RejectedMutationSchema>;

/** A 200 is an ack only if it parses as this (a captive portal's page does not). */
export const PushResponseSchema = z.object({
  lastSeq: z.number().check(z.int(), z.nonnegative()),
  version: z.number().check(z.int(), z.nonnegative()),
  serverTime: z.string(),
  rejected: z.array(RejectedMutationSchema),
});
export type PushResponse = z.infer<typeof PushResponseSchema>;

export const SeqGapSchema = z.object({
  error: z.literal("seq-gap"),
  expectedSeq: z.number().check(z.int(), z.minimum(1)),
});
export type SeqGap = z.infer<typeof SeqGapSchema>;

/**
 * 409 when the server's seqs up to `lastSeq` for this device id are another
 * history than the one pushed (a create skipped as a duplicate was never
 * applied here): nothing was applied; the client renumbers its unsent writes
 * after `lastSeq` and pushes again (protocol addition, round 2).
 */
export const SeqReusedSchema = z.object({
  error: z.literal("seq-reused"),
  lastSeq: z.number().check(z.int(), z.nonnegative()),
});
export type SeqReused = z.infer<typeof SeqReusedSchema>;
