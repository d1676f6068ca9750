// An alert's one-line summary in both languages, from its figures, through
// the web app's catalogue (the same keys its Alerts page uses), so a
// webhook bridge or an email subject says what the screens say.
import { createTranslator } from "@sightline/shared";
import { web } from "@sightline/shared/i18n/web";
import type { AlertFigures, AlertKind } from "@sightline/shared/schema/alert";

const translators = {
  vi: createTranslator(web, "vi", { formatNumbers: true }),
  en: createTranslator(web, "en", { formatNumbers: true }),
};

export function alertSummary(
  kind: AlertKind,
  figures: AlertFigures,
  place: string | null,
  /** The behaviour's label (figures carry its code), when the kind counts one. */
  behaviour?: { vi: string; en: string },
): { vi: string; en: string } {
  const say = (locale: "vi" | "en") => {
    const t = translators[locale];
    const params: Record<string, string | number> = {
      place: place ?? t("alert.place.workspace"),
      window: figures.windowMinutes ?? "",
    };
    for (const [k, v] of Object.entries(figures)) if (v !== null) params[k] = v;
    if (behaviour) params.behaviour = behaviour[locale];
    return t(`alert.summary.${kind}`, params);
  };
  return { vi: say("vi"), en: say("en") };
}
