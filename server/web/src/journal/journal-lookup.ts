// Names for ids seen in observations (stores, competitors, store behaviours),
// built once from the workspace configuration.
import { behaviourLabels } from "@sightline/shared/vocabulary/behaviours";
import type { Locale } from "@sightline/shared/vocabulary/label";
import type { Competitor, Store } from "../api/types.ts";

export type Lookup = {
  storeName: (id: string | undefined) => string | undefined;
  competitorName: (id: string | undefined) => string | undefined;
  behaviourLabel: (storeId: string | undefined, code: string | undefined) => string | undefined;
  reasonLabel: (storeId: string | undefined, code: string) => string;
};

export function makeLookup(
  stores: readonly Store[],
  competitors: readonly Competitor[],
  locale: Locale,
): Lookup {
  const storeById = new Map(stores.map((s) => [s.id, s]));
  const compById = new Map(competitors.map((c) => [c.id, c]));
  return {
    storeName: (id) => (id ? (storeById.get(id)?.name ?? id) : undefined),
    competitorName: (id) => (id ? (compById.get(id)?.name ?? id) : undefined),
    behaviourLabel: (storeId, code) => {
      if (!code) return undefined;
      const own = (storeId ? [storeById.get(storeId)] : stores).flatMap(
        (st) => st?.behaviours ?? [],
      );
      return behaviourLabels(code, own)?.[locale] ?? code;
    },
    reasonLabel: (storeId, code) => {
      const r = (storeId ? [storeById.get(storeId)] : stores)
        .flatMap((st) => st?.reasons ?? [])
        .find((x) => x.code === code);
      return r ? (locale === "vi" ? r.label_vi : r.label_en) : code;
    },
  };
}

export const EMPTY_LOOKUP: Lookup = makeLookup([], [], "vi");
