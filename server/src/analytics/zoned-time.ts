// Local time in a store's IANA time zone, without a date library: offsets
// come from Intl and are cached per zone and quarter hour (zones only change
// offset on such boundaries), so bucketing 100k timestamps stays cheap.

const formatters = new Map<string, Intl.DateTimeFormat>();
const offsets = new Map<string, number>();
const QUARTER = 15 * 60_000;

function formatter(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone: tz,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(tz, f);
  }
  return f;
}

/** Minutes east of UTC of zone `tz` at instant `ms`. Throws RangeError for an unknown zone. */
export function zoneOffsetMinutes(ms: number, tz: string): number {
  const key = `${tz}|${Math.floor(ms / QUARTER)}`;
  const known = offsets.get(key);
  if (known !== undefined) return known;
  const at = Math.floor(ms / QUARTER) * QUARTER;
  const p: Record<string, number> = {};
  for (const part of formatter(tz).formatToParts(at)) {
    if (part.type !== "literal") p[part.type] = Number(part.value);
  }
  const asUtc = Date.UTC(
    p.year ?? 1970,
    (p.month ?? 1) - 1,
    p.day ?? 1,
    p.hour ?? 0,
    p.minute ?? 0,
    p.second ?? 0,
  );
  const offset = Math.round((asUtc - at) / 60_000);
  if (offsets.size > 100_000) offsets.clear();
  offsets.set(key, offset);
  return offset;
}

export type LocalParts = {
  /** YYYY-MM-DD in the zone. */
  date: string;
  hour: number;
  /** ISO weekday index: 0 = Monday … 6 = Sunday. */
  weekday: number;
};

export function localParts(ms: number, tz: string): LocalParts {
  const local = new Date(ms + zoneOffsetMinutes(ms, tz) * 60_000);
  return {
    date: local.toISOString().slice(0, 10),
    hour: local.getUTCHours(),
    weekday: (local.getUTCDay() + 6) % 7,
  };
}

/** The instant of a wall-clock time in zone `tz` (the earlier one when a clock change repeats it). */
export function zonedTimeToUtc(
  y: number,
  mo: number,
  d: number,
  h: number,
  mi: number,
  s: number,
  tz: string,
): number {
  const wall = Date.UTC(y, mo - 1, d, h, mi, s);
  let guess = wall - zoneOffsetMinutes(wall, tz) * 60_000;
  guess = wall - zoneOffsetMinutes(guess, tz) * 60_000;
  return guess;
}

/** ISO-8601 with the zone's offset: 2024-03-01T09:30:00+07:00. */
export function formatZoned(ms: number, tz: string): string {
  const off = zoneOffsetMinutes(ms, tz);
  const local = new Date(ms + off * 60_000).toISOString().slice(0, 19);
  const sign = off < 0 ? "-" : "+";
  const a = Math.abs(off);
  return `${local}${sign}${String(Math.floor(a / 60)).padStart(2, "0")}:${String(a % 60).padStart(2, "0")}`;
}
