// GET /v1/pages/captures: the latest captures of one page across the
// workspace, yours and teammates', as much as change detection needs — the
// prices read at capture time and the captured element's text — and nothing
// a person wrote (no what, note, who or quote). The extension merges them
// into the baseline a revisit compares the page with (docs/http-api.md).
import * as z from "zod/mini";
import { PriceSchema } from "./page-facts.ts";
import { IdSchema, IsoDateTimeSchema, text } from "./text.ts";

/** Captures answered at most, newest first. */
export const MAX_PAGE_CAPTURES = 20;

export const PageCaptureSchema = z.strictObject({
  id: IdSchema,
  capturedAt: IsoDateTimeSchema,
  prices: z.optional(z.array(PriceSchema).check(z.maxLength(20))),
  element: z.optional(z.strictObject({ selector: text(2000), text: z.optional(text(4000)) })),
});
export type PageCapture = z.infer<typeof PageCaptureSchema>;

export const PageCapturesSchema = z.strictObject({
  captures: z.array(PageCaptureSchema).check(z.maxLength(MAX_PAGE_CAPTURES)),
});
export type PageCaptures = z.infer<typeof PageCapturesSchema>;
