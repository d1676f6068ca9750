// Facts read off a page at capture time (extension). Prices are parsed to a
// number + ISO currency so changes can be compared and charted.
import * as z from "zod/mini";
import { plainText, text } from "./text.ts";

export const PRICE_ROLES = ["current", "was", "sale", "instalment", "gift", "discount"] as const;
export type PriceRoleCode = (typeof PRICE_ROLES)[number];

export const PriceSchema = z.strictObject({
  amount: z.number().check(z.nonnegative()),
  currency: z.string().check(z.regex(/^[A-Z]{3}$/)),
  source: z.enum(["json-ld", "meta", "microdata", "text"]),
  raw: text(200),
  selector: z.optional(text(2000)),
  /** What the price is on the page: the current price, a struck list price, a monthly instalment… */
  role: z.optional(z.enum(PRICE_ROLES)),
  /** Index among the prices of the same source, selector and role, in document order. */
  position: z.optional(z.number().check(z.int(), z.nonnegative(), z.maximum(1000))),
  /**
   * The wording around the price, so it is re-found when lines move: the words
   * before, "…", the words after ("giảm thêm … cho học sinh"). Older captures
   * hold the words before only ("giá gốc").
   */
  fingerprint: z.optional(text(200)),
});
export type Price = z.infer<typeof PriceSchema>;

const short = z.array(text(200)).check(z.maxLength(20));

export const PageFactsSchema = z.strictObject({
  canonicalUrl: z.optional(text(2048)),
  title: z.optional(text(500)),
  lang: z.optional(text(35)),
  description: z.optional(text(2000)),
  openGraph: z.optional(z.record(plainText(100), text(2000))),
  headings: z.optional(z.partial(z.strictObject({ h1: short, h2: short, h3: short }))),
  callsToAction: z.optional(short),
  prices: z.optional(z.array(PriceSchema).check(z.maxLength(20))),
  element: z.optional(
    z.strictObject({
      selector: text(2000),
      text: z.optional(text(4000)),
      box: z.strictObject({ x: z.number(), y: z.number(), width: z.number(), height: z.number() }),
    }),
  ),
});
export type PageFacts = z.infer<typeof PageFactsSchema>;
