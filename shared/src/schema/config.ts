// Workspace configuration: stores (zones, behaviours, feedback question,
// reasons) and competitors. Also what a device receives in `pull.config`.
import { z } from "zod";
import { NEED_CODES } from "../vocabulary/needs.ts";
import { IdSchema, requiredText, text } from "./text.ts";

const CodeSchema = z
  .string()
  .min(1)
  .max(60)
  .regex(/^[a-z0-9][a-z0-9_-]*$/, "bad code");

export const BehaviourDefSchema = z.strictObject({
  code: CodeSchema,
  label_vi: requiredText(100),
  label_en: requiredText(100),
});
export const ReasonDefSchema = z.strictObject({
  code: CodeSchema,
  need: z.enum(NEED_CODES),
  label_vi: requiredText(100),
  label_en: requiredText(100),
});

/** Body of POST /v1/stores (and, all optional, PATCH). */
export const StoreInputSchema = z.strictObject({
  name: requiredText(200),
  timeZone: z.string().min(1).max(64).refine(isTimeZone, "unknown IANA time zone"),
  zones: z.array(requiredText(100)).max(50),
  behaviours: z.array(BehaviourDefSchema).max(60),
  feedbackQuestion: z.strictObject({ vi: text(500), en: text(500) }),
  reasons: z.array(ReasonDefSchema).max(30),
});
export type StoreInput = z.infer<typeof StoreInputSchema>;
export const StoreSchema = StoreInputSchema.extend({ id: IdSchema });
export type Store = z.infer<typeof StoreSchema>;

export const CompetitorInputSchema = z.strictObject({
  name: requiredText(200),
  domains: z
    .array(
      z
        .string()
        .min(1)
        .max(253)
        .regex(/^[a-z0-9.-]+$/i, "a bare domain such as shop.vn"),
    )
    .max(20),
});
export type CompetitorInput = z.infer<typeof CompetitorInputSchema>;
export const CompetitorSchema = CompetitorInputSchema.extend({ id: IdSchema });
export type Competitor = z.infer<typeof CompetitorSchema>;

/** Sent to devices in a pull when it changed. */
export const SyncConfigSchema = z.object({
  workspace: z.object({ id: IdSchema, name: z.string() }),
  store: StoreSchema.optional(),
  competitors: z.array(CompetitorSchema).optional(),
  tags: z.array(z.string()).optional(),
});
export type SyncConfig = z.infer<typeof SyncConfigSchema>;

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}
