// Times as the kiosk writes and groups them. `capturedAt` is ISO-8601 with the
// device's own UTC offset (DOMAIN.md: "ISO-8601 with offset, device clock");
// "today" is the calendar day in the store's time zone.

const pad = (n: number, w = 2) => String(Math.trunc(Math.abs(n))).padStart(w, "0");

/** e.g. 2026-03-01T09:15:02.123+07:00 for `ms` at `offsetMin` minutes east of UTC. */
export function isoWithOffset(
  ms: number,
  offsetMin: number = -new Date(ms).getTimezoneOffset(),
): string {
  const local = new Date(ms + offsetMin * 60_000);
  const sign = offsetMin < 0 ? "-" : "+";
  return (
    `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}` +
    `T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}` +
    `.${pad(local.getUTCMilliseconds(), 3)}${sign}${pad(offsetMin / 60)}:${pad(offsetMin % 60)}`
  );
}

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
