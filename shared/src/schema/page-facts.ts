// Facts read off a page at capture time (extension). Prices are parsed to a
// number + ISO currency so changes can be compared and charted.
import { z } from "zod";
import { text } from "./text.ts";

export const PriceSchema = z.strictObject({
  amount: z.number().finite().nonnegative(),
  currency: z.string().regex(/^[A-Z]{3}$/),
  source: z.enum(["json-ld", "meta", "microdata", "text"]),
  raw: text(200),
  selector: text(2000).optional(),
});
export type Price = z.infer<typeof PriceSchema>;

const short = z.array(text(200)).max(20);

export const PageFactsSchema = z.strictObject({
  canonicalUrl: text(2048).optional(),
  title: text(500).optional(),
  lang: text(35).optional(),
  description: text(2000).optional(),
  openGraph: z.record(z.string().max(100), text(2000)).optional(),
  headings: z.strictObject({ h1: short, h2: short, h3: short }).partial().optional(),
  callsToAction: short.optional(),
  prices: z.array(PriceSchema).max(20).optional(),
  element: z
    .strictObject({
      selector: text(2000),
      text: text(4000).optional(),
      box: z.strictObject({ x: z.number(), y: z.number(), width: z.number(), height: z.number() }),
    })
    .optional(),
});
export type PageFacts = z.infer<typeof PageFactsSchema>;
