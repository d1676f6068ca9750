// Dates in exports as people read them: in the workspace's time zone and the
// reader's language ("11/03/2024 17:00" in Vietnamese, "11 Mar 2024, 17:00"
// in English), never raw ISO stamps.
import type { Locale } from "@sightline/shared";

const TAGS: Record<Locale, string> = { vi: "vi-VN", en: "en-GB" };
const cache = new Map<string, Intl.DateTimeFormat>();

function format(locale: Locale, timeZone: string, withTime: boolean): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${withTime}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(TAGS[locale], {
      timeZone,
      day: "2-digit",
      month: locale === "vi" ? "2-digit" : "short",
      year: "numeric",
      ...(withTime ? { hour: "2-digit", minute: "2-digit", hourCycle: "h23" as const } : {}),
    });
    cache.set(key, f);
  }
  return f;
}

/** The day of an instant, in the zone; the text as given when it is not a date. */
export function formatDay(iso: string, locale: Locale, timeZone = "UTC"): string {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? iso : format(locale, timeZone, false).format(ms);
}

/** Day and time of an instant, in the zone. */
export function formatDateTime(iso: string, locale: Locale, timeZone = "UTC"): string {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? iso : format(locale, timeZone, true).format(ms);
}
