// Observation fields: the wire names shared by extension, kiosk and server
// (docs/domain.md "Observation fields"). Create-only fields are written once by
// `obs.create`; editable fields are LWW registers that `obs.patch` may change.
import * as z from "zod/mini";
import { CHANNEL_CODES } from "../vocabulary/channels.ts";
import { METHOD_CODES } from "../vocabulary/methods.ts";
import { NEED_CODES } from "../vocabulary/needs.ts";
import { PageFactsSchema } from "./page-facts.ts";
import { RecordedChangeSchema } from "./recorded-change.ts";
import { SelectorSchema } from "./selectors.ts";
import { IdSchema, IsoDateTimeSchema, requiredText, Sha256Schema, text } from "./text.ts";

export const AGE_BANDS = ["under-18", "18-24", "25-34", "35-44", "45-54", "55-plus"] as const;
export const PARTIES = ["alone", "couple", "family", "group"] as const;
export const BASES = ["observed", "inferred", "heard"] as const;
/** Reserved feedback reason: the customer walked away before finishing. */
export const TIMEOUT_REASON = "timeout";

const CodeSchema = z
  .string()
  .check(z.minLength(1), z.maxLength(60), z.regex(/^[a-z0-9][a-z0-9_-]*$/, "bad code"));

export const SegmentSchema = z.strictObject({
  ageBand: z.optional(z.enum(AGE_BANDS)),
  party: z.optional(z.enum(PARTIES)),
});

export const EvidenceSchema = z.strictObject({
  quote: z.optional(text(4000)),
  prefix: z.optional(text(64)),
  suffix: z.optional(text(64)),
  selectors: z.optional(z.array(SelectorSchema).check(z.maxLength(10))),
  screenshot: z.optional(Sha256Schema),
  facts: z.optional(PageFactsSchema),
  /** A change recorded on a revisited or watched page: structured before/after (protocol v1 addition). */
  change: z.optional(RecordedChangeSchema),
});

const HttpUrlSchema = text(2048).check(
  z.refine((s) => /^https?:\/\//i.test(s), "must be an http(s) URL"),
);

/** Fields written once, by `obs.create`. */
export const CREATE_ONLY_FIELDS = {
  channel: z.enum(CHANNEL_CODES),
  method: z.enum(METHOD_CODES),
  capturedAt: IsoDateTimeSchema,
  storeId: IdSchema,
  rating: z.number().check(z.int(), z.minimum(1), z.maximum(4)),
  question: text(500),
  reasons: z.array(CodeSchema).check(z.maxLength(16)),
  suspect: z.boolean(),
  url: HttpUrlSchema,
  pageTitle: text(500),
  evidence: EvidenceSchema,
  source: requiredText(100),
  sourceRowId: requiredText(200),
} as const;

/** Fields any later `obs.patch` may change (per-field last writer wins). */
export const EDITABLE_FIELDS = {
  what: requiredText(4000),
  who: text(2000),
  where: text(2000),
  why: text(2000),
  how: text(2000),
  needs: z.array(z.enum(NEED_CODES)).check(
    z.maxLength(16),
    z.refine((a) => new Set(a).size === a.length, "needs must not repeat"),
  ),
  tags: z.array(requiredText(60)).check(z.maxLength(20)),
  basis: z.enum(BASES),
  note: text(4000),
  zone: text(100),
  behaviour: CodeSchema,
  segment: SegmentSchema,
  durationSec: z.number().check(z.minimum(0), z.maximum(7 * 86_400)),
  competitorId: IdSchema,
  eventName: text(200),
  booth: text(200),
} as const;

export type CreateOnlyField = keyof typeof CREATE_ONLY_FIELDS;
export type EditableField = keyof typeof EDITABLE_FIELDS;
export type FieldName = CreateOnlyField | EditableField;

export function isEditableField(name: string): name is EditableField {
  return Object.hasOwn(EDITABLE_FIELDS, name);
}
export function isCreateOnlyField(name: string): name is CreateOnlyField {
  return Object.hasOwn(CREATE_ONLY_FIELDS, name);
}

const optionalAll = <T extends Record<string, z.ZodMiniType>>(shape: T) =>
  Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, z.optional(v)])) as {
    [K in keyof T]: z.ZodMiniOptional<T[K]>;
  };

/** Everything an observation can hold; all optional (for reading back). */
export const ObservationFieldsSchema = z.strictObject({
  ...optionalAll(CREATE_ONLY_FIELDS),
  ...optionalAll(EDITABLE_FIELDS),
});
export type ObservationFields = z.infer<typeof ObservationFieldsSchema>;

const CHANNEL_ONLY: Partial<Record<CreateOnlyField | EditableField, readonly string[]>> = {
  rating: ["feedback"],
  question: ["feedback"],
  reasons: ["feedback"],
  suspect: ["feedback"],
  url: ["web", "event"],
  pageTitle: ["web", "event"],
  evidence: ["web", "event"],
  source: ["import"],
  sourceRowId: ["import"],
  behaviour: ["store"],
  durationSec: ["store"],
};

/** A new observation: `channel`, `method`, `capturedAt`, `what` required, plus channel rules. */
export const ObservationCreateSchema = z
  .required(ObservationFieldsSchema, {
    channel: true,
    method: true,
    capturedAt: true,
    what: true,
  })
  .check(
    z.superRefine((o, ctx) => {
      for (const [field, channels] of Object.entries(CHANNEL_ONLY)) {
        if (o[field as keyof typeof o] !== undefined && !channels?.includes(o.channel)) {
          ctx.addIssue({
            code: "custom",
            path: [field],
            message: `${field} is only for channel ${channels?.join("/")}`,
          });
        }
      }
      if (o.channel === "feedback" && o.rating === undefined) {
        ctx.addIssue({
          code: "custom",
          path: ["rating"],
          message: "rating (1..4) is required for feedback",
        });
      }
      if ((o.channel === "store" || o.channel === "feedback") && o.storeId === undefined) {
        ctx.addIssue({
          code: "custom",
          path: ["storeId"],
          message: "storeId is required for store and feedback",
        });
      }
      if (o.channel === "import" && o.source === undefined) {
        ctx.addIssue({
          code: "custom",
          path: ["source"],
          message: "source is required for import",
        });
      }
    }),
  );
export type ObservationCreate = z.infer<typeof ObservationCreateSchema>;

/**
 * A patch: editable fields only. `null` clears a field (except `what`).
 * Create-only or unknown names are errors, never silently dropped.
 */
export const ObservationPatchSchema = z
  .strictObject({
    ...optionalAll(
      Object.fromEntries(
        Object.entries(EDITABLE_FIELDS).map(([k, v]) => [k, k === "what" ? v : z.nullable(v)]),
      ) as unknown as { [K in EditableField]: z.ZodMiniType },
    ),
  })
  .check(z.refine((p) => Object.keys(p).length > 0, "a patch must change at least one field"));
export type ObservationPatch = Partial<{
  [K in EditableField]: z.infer<(typeof EDITABLE_FIELDS)[K]> | null;
}>;
