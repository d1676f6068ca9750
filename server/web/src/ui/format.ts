// Dates and numbers in the reader's language (Intl, no libraries). Instants
// are shown in the workspace's time zone when one is given (useTimeZone), so
// a journal's dates read the same from any browser; a bare `YYYY-MM-DD` is a
// calendar day and never shifts.
import type { Locale } from "@sightline/shared/vocabulary/label";

const tag = (l: Locale) => (l === "vi" ? "vi-VN" : "en-GB");
const isDay = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s);
const dayDate = (day: string) => new Date(`${day}T00:00:00Z`);

export function formatDateTime(
  iso: string | null | undefined,
  locale: Locale,
  timeZone?: string,
): string {
  if (!iso) return "—";
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(tag(locale), {
    day: "numeric",
    month: "short",
    hour: "2-digit",
    minute: "2-digit",
    ...(timeZone ? { timeZone } : {}),
  }).format(d);
}

export function formatDate(
  iso: string | null | undefined,
  locale: Locale,
  timeZone?: string,
): string {
  if (!iso) return "—";
  const day = isDay(iso);
  const d = day ? dayDate(iso) : new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const zone = day ? "UTC" : timeZone;
  return new Intl.DateTimeFormat(tag(locale), {
    day: "numeric",
    month: "short",
    year: "numeric",
    ...(zone ? { timeZone: zone } : {}),
  }).format(d);
}

/** "3 Mar" / "3 thg 3": a day within a chart axis, no year. */
export function formatDayShort(day: string, locale: Locale): string {
  const d = isDay(day) ? dayDate(day) : new Date(day);
  if (Number.isNaN(d.getTime())) return day;
  return new Intl.DateTimeFormat(tag(locale), {
    day: "numeric",
    month: "short",
    ...(isDay(day) ? { timeZone: "UTC" } : {}),
  }).format(d);
}

export function formatNumber(n: number, locale: Locale, digits = 0): string {
  return new Intl.NumberFormat(tag(locale), {
    maximumFractionDigits: digits,
    minimumFractionDigits: digits,
  }).format(n);
}

/** Calendar day `YYYY-MM-DD` of an ISO time in `timeZone` (default: this browser's). */
export function localDay(iso: string, timeZone?: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso.slice(0, 10);
  if (timeZone) {
    // en-CA formats as YYYY-MM-DD.
    return new Intl.DateTimeFormat("en-CA", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
    }).format(d);
  }
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}
