// A bilingual label. Sightline ships Vietnamese and English from day one, so
// every closed set carries both, plus a one-line description.
import * as z from "zod/mini";

export const LocaleSchema = z.enum(["vi", "en"]);
export type Locale = z.infer<typeof LocaleSchema>;

export type Labelled = {
  readonly vi: string;
  readonly en: string;
  readonly description: { readonly vi: string; readonly en: string };
};
