// One queued change (an outbox entry on the wire). The envelope is checked
// here; the *content* of `fields` is checked per mutation by the server, so a
// bad field rejects that one mutation instead of blocking the queue.
import * as z from "zod/mini";
import { HlcSchema } from "../../hlc.ts";
import { IdSchema } from "../../schema/text.ts";

export const MUTATION_OPS = ["obs.create", "obs.patch", "obs.delete", "obs.restore"] as const;
export type MutationOp = (typeof MUTATION_OPS)[number];

export const MutationSchema = z.strictObject({
  seq: z.number().check(z.int(), z.minimum(1)),
  op: z.enum(MUTATION_OPS),
  id: IdSchema,
  hlc: HlcSchema,
  fields: z.optional(z.record(z.string().check(z.maxLength(100)), z.unknown())),
});
export type Mutation = z.infer<typeof MutationSchema>;
