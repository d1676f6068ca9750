// Accent-insensitive search text for observations: folded once at write time
// and stored beside the row, so `q=gia` finds "giá" with a plain substring
// match in any database. Folding: NFD, strip combining marks, đ→d, lower case.
import type { Entity } from "@sightline/shared";

const COMBINING = /[\u0300-\u036f]/g;

export function foldText(text: string): string {
  return text
    .normalize("NFD")
    .replace(COMBINING, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

const TEXT_FIELDS = [
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

/** Everything a person might search an observation by, folded into one string. */
export function searchTextOf(e: Entity): string {
  const f = e.fields;
  const parts: string[] = [];
  for (const name of TEXT_FIELDS) if (typeof f[name] === "string") parts.push(f[name]);
  if (Array.isArray(f.tags)) parts.push(...f.tags.filter((t) => typeof t === "string"));
  const evidence = f.evidence as { quote?: unknown } | undefined;
  if (typeof evidence?.quote === "string") parts.push(evidence.quote);
  return foldText(parts.join(" \u0001 "));
}
