// Times as the kiosk groups and shows them: "today" is the calendar day in
// the store's time zone. (`capturedAt` is written by isoWithOffset in
// @sightline/shared/captured-at.)

const pad = (n: number, w = 2) => String(Math.trunc(Math.abs(n))).padStart(w, "0");

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** YYYY-MM-DD of `ms` in `timeZone` (device zone when absent or unknown). */
export function dayKey(ms: number, timeZone?: string): string {
  const zone = timeZone ?? "";
  let f = dayFormats.get(zone);
  if (!f) {
    const opts: Intl.DateTimeFormatOptions = { year: "numeric", month: "2-digit", day: "2-digit" };
    try {
      f = new Intl.DateTimeFormat("en-CA", zone ? { ...opts, timeZone: zone } : opts);
    } catch {
      f = new Intl.DateTimeFormat("en-CA", opts);
    }
    dayFormats.set(zone, f);
  }
  return f.format(ms);
}

/** 65 → "1:05", 3725 → "1:02:05". */
export function formatDuration(totalSec: number): string {
  const s = Math.max(0, Math.floor(totalSec));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return h > 0 ? `${h}:${pad(m)}:${pad(s % 60)}` : `${m}:${pad(s % 60)}`;
}
