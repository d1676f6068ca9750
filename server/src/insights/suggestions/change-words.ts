// The price-cut / claim words of a text (shared/src/text/change-words.ts),
// remembered per text between requests for what has no stored features
// (rows written before them) and for tags. Apart from competitor-changes.ts
// because featurise.ts asks it once per row, and competitor-changes.ts reads
// featurise's types (no import cycle).
import { changeKindOf } from "@sightline/shared/text/change-words";

const KIND_OF_TEXT = new Map<string, number>();
const MAX_KIND_TEXTS = 200_000;

export function clearChangeCache(): void {
  KIND_OF_TEXT.clear();
}

/** 1: the text speaks of a price cut; 2: of a claim (featurise.ts keeps it per row). */
export function textChangeKind(text: string): number {
  let kind = KIND_OF_TEXT.get(text);
  if (kind === undefined) {
    kind = changeKindOf(text);
    if (KIND_OF_TEXT.size >= MAX_KIND_TEXTS) KIND_OF_TEXT.clear();
    KIND_OF_TEXT.set(text, kind);
  }
  return kind;
}
