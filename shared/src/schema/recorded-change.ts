// A change recorded on a revisited or watched page, as data: what was there
// before and what is there now, so it can be charted, compared and alerted on
// without parsing the formatted "1.290.000 ₫ → 1.190.000 ₫" of `what` and
// `note`. Stored in `evidence.change` of the `web` observation that records
// it (added to obs-sync v1, optional: docs/sync-protocol.md).
import * as z from "zod/mini";
import { PRICE_ROLES } from "./page-facts.ts";
import { text } from "./text.ts";

/** One side of a price change: an amount in an ISO 4217 currency. */
export const ChangedPriceSchema = z.strictObject({
  amount: z.number().check(z.nonnegative()),
  currency: z.string().check(z.regex(/^[A-Z]{3}$/)),
});

/** One side of a text change: an element's text or a quote, as the page showed it. */
export const ChangedTextSchema = z.strictObject({ text: text(4000) });

export const RecordedChangeSchema = z.discriminatedUnion("kind", [
  /** A price changed (both sides), appeared (`before: null`) or went (`after: null`). */
  z
    .strictObject({
      kind: z.literal("price"),
      role: z.optional(z.enum(PRICE_ROLES)),
      before: z.nullable(ChangedPriceSchema),
      after: z.nullable(ChangedPriceSchema),
    })
    .check(z.refine((c) => c.before !== null || c.after !== null, "a price change needs a side")),
  /** An element's text or a quote's wording changed. */
  z.strictObject({
    kind: z.literal("text"),
    before: ChangedTextSchema,
    after: ChangedTextSchema,
  }),
]);
export type RecordedChange = z.infer<typeof RecordedChangeSchema>;
