// Dates and numbers in the reader's language (Intl, no libraries).
import type { Locale } from "@sightline/shared/vocabulary/label";

const tag = (l: Locale) => (l === "vi" ? "vi-VN" : "en-GB");

export function formatDateTime(iso: string | null | undefined, locale: Locale): string {
  if (!iso) return "—";
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(tag(locale), {
    day: "numeric",
    month: "short",
    hour: "2-digit",
    minute: "2-digit",
  }).format(d);
}

export function formatDate(iso: string | null | undefined, locale: Locale): string {
  if (!iso) return "—";
  const d = new Date(iso.length === 10 ? `${iso}T00:00:00` : iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(tag(locale), {
    day: "numeric",
    month: "short",
    year: "numeric",
  }).format(d);
}

/** "3 Mar" / "3 thg 3": a day within a chart axis, no year. */
export function formatDayShort(day: string, locale: Locale): string {
  const d = new Date(day.length === 10 ? `${day}T00:00:00` : day);
  if (Number.isNaN(d.getTime())) return day;
  return new Intl.DateTimeFormat(tag(locale), { day: "numeric", month: "short" }).format(d);
}

export function formatNumber(n: number, locale: Locale, digits = 0): string {
  return new Intl.NumberFormat(tag(locale), {
    maximumFractionDigits: digits,
    minimumFractionDigits: digits,
  }).format(n);
}

/** Local calendar day `YYYY-MM-DD` of an ISO time (for grouping the timeline). */
export function localDay(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso.slice(0, 10);
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}
