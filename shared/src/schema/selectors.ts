// W3C Web Annotation selectors (https://www.w3.org/TR/annotation-model/#selectors).
// Captures keep several so the evidence survives the page changing.
import * as z from "zod/mini";
import { text } from "./text.ts";

const TextQuoteSelector = z.strictObject({
  type: z.literal("TextQuoteSelector"),
  exact: text(4000),
  prefix: z.optional(text(64)),
  suffix: z.optional(text(64)),
});
const TextPositionSelector = z.strictObject({
  type: z.literal("TextPositionSelector"),
  start: z.number().check(z.int(), z.nonnegative()),
  end: z.number().check(z.int(), z.nonnegative()),
});
const XPathSelector = z.strictObject({ type: z.literal("XPathSelector"), value: text(2000) });
const CssSelector = z.strictObject({
  type: z.literal("CssSelector"),
  value: text(2000),
  refinedBy: z.optional(TextPositionSelector),
});
const RangeSelector = z.strictObject({
  type: z.literal("RangeSelector"),
  startSelector: z.union([XPathSelector, CssSelector]),
  endSelector: z.union([XPathSelector, CssSelector]),
});
const FragmentSelector = z.strictObject({
  type: z.literal("FragmentSelector"),
  value: text(2000),
  conformsTo: z.optional(text(200)),
});

export const SelectorSchema = z.discriminatedUnion("type", [
  TextQuoteSelector,
  TextPositionSelector,
  XPathSelector,
  CssSelector,
  RangeSelector,
  FragmentSelector,
]);
export type Selector = z.infer<typeof SelectorSchema>;
