// Suggestions for a journal: its scope's observations (from the scope
// cache) through the storage-free engine, with the workspace's reason → need
// map, behaviour labels and competitor names. Computed once per workspace
// version, language and limit.
import type { Locale } from "@sightline/shared";
import type { ScannedObservation } from "../db/port.ts";
import type { SuggestObservation } from "../insights/suggestions/observation.ts";
import { type Suggestions, suggest } from "../insights/suggestions/suggest.ts";
import type { ScopeCache, ScopeEntry } from "./scope-cache.ts";
import type { WorkspaceContext } from "./workspace-context.ts";

/** The engine's view of stored observations; rows without the required fields are skipped. */
export function toSuggestInput(list: readonly ScannedObservation[]): SuggestObservation[] {
  const out: SuggestObservation[] = [];
  for (const o of list) {
    const f = o.fields;
    if (
      typeof f.channel !== "string" ||
      typeof f.capturedAt !== "string" ||
      typeof f.what !== "string"
    )
      continue;
    // The text features stored at write time ride along: no re-tokenising (issue 16).
    out.push({ ...(f as Omit<SuggestObservation, "id">), id: o.id, features: o.features ?? null });
  }
  return out;
}

export function journalSuggestions(
  cache: ScopeCache,
  entry: ScopeEntry,
  ctx: WorkspaceContext,
  o: { locale: Locale; limit: number },
): Suggestions {
  const input = cache.derive(entry, "suggest-input", () => toSuggestInput(entry.observations));
  return cache.derive(entry, `suggestions:${o.locale}:${o.limit}`, () =>
    suggest(input, {
      locale: o.locale,
      limit: o.limit,
      reasonNeeds: ctx.reasonNeeds,
      behaviourLabels: ctx.behaviourLabels,
      competitorNames: new Map(Object.entries(ctx.competitorNames)),
    }),
  );
}
