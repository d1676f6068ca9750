// An alert's one-line summary in the reader's language, from its figures and
// the current names of its store, competitor or device (the same catalogue
// keys the server uses for webhook and email text, so both say the same).

import type { Alert } from "@sightline/shared/schema/alert";
import type { Store } from "@sightline/shared/schema/config";
import { behaviourLabels } from "@sightline/shared/vocabulary/behaviours";
import type { Locale } from "@sightline/shared/vocabulary/label";
import type { T } from "../i18n/i18n.tsx";

export type Places = {
  stores: Map<string, string>;
  competitors: Map<string, string>;
  /** Each store's own behaviours (else the default labels show). */
  behaviours?: Map<string, Store["behaviours"]>;
};

export function alertPlace(a: Alert, places: Places, t: T): string {
  if (a.storeId && a.kind !== "device-silent")
    return places.stores.get(a.storeId) ?? t("alerts.unknownPlace");
  if (a.competitorId) return places.competitors.get(a.competitorId) ?? t("alerts.unknownPlace");
  if (a.kind === "device-silent") {
    const device = typeof a.figures.device === "string" ? a.figures.device : null;
    const store = a.storeId ? places.stores.get(a.storeId) : undefined;
    return [device, store].filter(Boolean).join(" · ") || t("alert.place.workspace");
  }
  return t("alert.place.workspace");
}

export function alertLine(a: Alert, places: Places, t: T, locale: Locale): string {
  const params: Record<string, string | number> = {
    place: alertPlace(a, places, t),
    window: typeof a.figures.windowMinutes === "number" ? a.figures.windowMinutes : "",
  };
  for (const [k, v] of Object.entries(a.figures)) if (v !== null) params[k] = v;
  const code = a.figures.behaviour;
  if (typeof code === "string") {
    const own = a.storeId ? places.behaviours?.get(a.storeId) : undefined;
    params.behaviour = behaviourLabels(code, own)?.[locale] ?? code;
  }
  return t(`alert.summary.${a.kind}`, params);
}
