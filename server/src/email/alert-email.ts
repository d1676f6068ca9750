// The alert email: the alert's one-line summary as subject and first line,
// when it opened (in the store's time zone), the store, what to do next — in
// the recipient's language.
import type { Locale } from "@sightline/shared";
import { notifications } from "@sightline/shared/i18n/notifications";
import { createTranslator } from "@sightline/shared/i18n/translate";
import type { Alert } from "@sightline/shared/schema/alert";
import { formatDateTime } from "../journals/export/dates.ts";
import { renderEmail } from "./render.ts";

export function alertEmail(
  alert: Alert,
  o: { locale: Locale; storeName?: string | null; timeZone?: string },
): { subject: string; text: string; html: string } {
  const t = createTranslator(notifications, o.locale, { formatNumbers: true });
  const summary = alert.text[o.locale];
  const body = renderEmail(
    [
      { text: t("email.alert.intro") },
      { text: summary, kind: "heading" },
      {
        text: t("email.alert.opened", {
          time: formatDateTime(alert.openedAt, o.locale, o.timeZone ?? "UTC"),
        }),
        kind: "item",
      },
      ...(o.storeName
        ? [{ text: t("email.alert.where", { store: o.storeName }), kind: "item" as const }]
        : []),
      { text: t("email.alert.act") },
      { text: t("email.footer"), kind: "muted" },
    ],
    o.locale,
  );
  return {
    subject: t("email.alert.subject", { text: summary.replace(/\s+/g, " ").slice(0, 200) }),
    ...body,
  };
}
