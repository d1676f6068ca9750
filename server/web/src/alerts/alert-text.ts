// An alert's one-line summary in the reader's language, from its figures and
// the current names of its store, competitor or device (the same catalogue
// keys the server uses for webhook and email text, so both say the same).
import type { Locale } from "@sightline/shared";
import type { Alert } from "@sightline/shared/schema/alert";
import { DEFAULT_BEHAVIOURS } from "@sightline/shared/vocabulary/behaviours";
import type { T } from "../i18n/i18n.tsx";

export type Places = {
  stores: Map<string, string>;
  competitors: Map<string, string>;
  /** "storeId code" → the store's own label of a behaviour (else the default label shows). */
  behaviours?: Map<string, { vi: string; en: string }>;
};

/** A behaviour as people read it: the store's label, else the default one, else its code. */
function behaviourLabel(a: Alert, places: Places, locale: Locale): string | null {
  const code = a.figures.behaviour;
  if (typeof code !== "string") return null;
  const own = a.storeId ? places.behaviours?.get(`${a.storeId} ${code}`) : undefined;
  const fallback = DEFAULT_BEHAVIOURS[code as keyof typeof DEFAULT_BEHAVIOURS];
  return (own ?? fallback)?.[locale] ?? code;
}

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
  const behaviour = behaviourLabel(a, places, locale);
  if (behaviour !== null) params.behaviour = behaviour;
  return t(`alert.summary.${a.kind}`, params);
}
