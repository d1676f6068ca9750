// The search text of an observation: every field a person might search it
// by, each folded (fold.ts) and joined by FIELD_SEPARATOR. The server stores
// it beside the row for `q=` (a substring match in SQL); the web app builds
// the same string to filter the timeline, so both look in the same fields.
import { foldText } from "./fold.ts";

export const SEARCH_FIELDS = [
  "what",
  "who",
  "where",
  "why",
  "how",
  "note",
  "zone",
  "eventName",
  "booth",
  "pageTitle",
  "url",
  "question",
  "source",
] as const;

/** Between two fields: no folded query contains it, so a phrase never spans two fields. */
export const FIELD_SEPARATOR = " \u0001 ";

/** The folded search text of an observation's fields (tags and the evidence quote included). */
export function searchText(fields: Readonly<Record<string, unknown>>): string {
  const parts: string[] = [];
  for (const name of SEARCH_FIELDS) {
    const v = fields[name];
    if (typeof v === "string") parts.push(v);
  }
  if (Array.isArray(fields.tags))
    for (const t of fields.tags) if (typeof t === "string") parts.push(t);
  const evidence = fields.evidence as { quote?: unknown } | undefined;
  if (typeof evidence?.quote === "string") parts.push(evidence.quote);
  let out = "";
  for (const p of parts) {
    const folded = foldText(p);
    if (folded) out = out ? out + FIELD_SEPARATOR + folded : folded;
  }
  return out;
}

/** True when every word of `query` occurs in the search text (an empty query matches all). */
export function matchesWords(text: string, queryWords: readonly string[]): boolean {
  for (const w of queryWords) if (!text.includes(w)) return false;
  return true;
}
