// Workspace configuration: stores (zones, behaviours, feedback question,
// reasons) and competitors. Also what a device receives in `pull.config`.
import * as z from "zod/mini";
import { NEED_CODES } from "../vocabulary/needs.ts";
import { IdSchema, requiredText, text, wellFormed } from "./text.ts";

const CodeSchema = z
  .string()
  .check(z.minLength(1), z.maxLength(60), z.regex(/^[a-z0-9][a-z0-9_-]*$/, "bad code"));

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
  timeZone: z
    .string()
    .check(
      z.minLength(1),
      z.maxLength(64),
      wellFormed(),
      z.refine(isTimeZone, "unknown IANA time zone"),
    ),
  zones: z.array(requiredText(100)).check(z.maxLength(50)),
  behaviours: z.array(BehaviourDefSchema).check(z.maxLength(60)),
  feedbackQuestion: z.strictObject({ vi: text(500), en: text(500) }),
  reasons: z.array(ReasonDefSchema).check(z.maxLength(30)),
});
export type StoreInput = z.infer<typeof StoreInputSchema>;
export const StoreSchema = z.extend(StoreInputSchema, { id: IdSchema });
export type Store = z.infer<typeof StoreSchema>;

export const CompetitorInputSchema = z.strictObject({
  name: requiredText(200),
  domains: z
    .array(
      z
        .string()
        .check(
          z.minLength(1),
          z.maxLength(253),
          z.regex(/^[a-z0-9.-]+$/i, "a bare domain such as shop.vn"),
        ),
    )
    .check(z.maxLength(20)),
});
export type CompetitorInput = z.infer<typeof CompetitorInputSchema>;
export const CompetitorSchema = z.extend(CompetitorInputSchema, { id: IdSchema });
export type Competitor = z.infer<typeof CompetitorSchema>;

/** Sent to devices in a pull when it changed. */
export const SyncConfigSchema = z.object({
  workspace: z.object({ id: IdSchema, name: z.string() }),
  store: z.optional(StoreSchema),
  competitors: z.optional(z.array(CompetitorSchema)),
  tags: z.optional(z.array(z.string())),
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
