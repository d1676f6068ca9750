// Accent-insensitive search text for observations: folded once at write time
// and stored beside the row, so `q=gia` finds "giá" with a plain substring
// match in any database. The folding and the fields are the house's one text
// module (shared/src/text), which suggestions and the web filter use too.
import type { Entity } from "@sightline/shared";
import { foldText } from "@sightline/shared/text/fold";
import { searchText } from "@sightline/shared/text/search-text";

export { foldText };

/** Everything a person might search an observation by, folded into one string. */
export function searchTextOf(e: Entity): string {
  return searchText(e.fields);
}

/**
 * The version of the stored search text. Raise it whenever the folding or the
 * searched fields change: the server recomputes stored texts at its next start
 * (Db.refreshSearchText), so old rows match exactly like new ones.
 *   2 — the shared text module (punctuation folded to spaces, booth, question, source).
 */
export const SEARCH_TEXT_VERSION = "2";
