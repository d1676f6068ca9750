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
