// A date input's `YYYY-MM-DD` as the ISO-8601 instant at the start or end of
// that day — in the workspace's time zone when given (journal scopes and
// timeline filters: the same day for everyone), else this browser's. API
// times carry an offset.
const pad = (n: number) => String(n).padStart(2, "0");

function offsetText(minutes: number): string {
  const sign = minutes >= 0 ? "+" : "-";
  const a = Math.abs(minutes);
  return `${sign}${pad(Math.floor(a / 60))}:${pad(a % 60)}`;
}

/** Minutes east of UTC that `timeZone` is at instant `ms`. */
export function zoneOffsetMinutes(ms: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(new Date(ms));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(
    get("year"),
    get("month") - 1,
    get("day"),
    get("hour"),
    get("minute"),
    get("second"),
  );
  return Math.round((wall - Math.floor(ms / 1000) * 1000) / 60_000);
}

/** The offset a wall-clock time in `timeZone` (or this browser) has. */
function offsetAt(day: string, time: string, timeZone: string | undefined): string {
  if (!timeZone) {
    const m = -new Date(`${day}T${time}`).getTimezoneOffset();
    return offsetText(m);
  }
  const asUtc = Date.parse(`${day}T${time}Z`);
  // Two passes settle the offset across a DST change.
  let off = zoneOffsetMinutes(asUtc, timeZone);
  off = zoneOffsetMinutes(asUtc - off * 60_000, timeZone);
  return offsetText(off);
}

export function dayStartIso(day: string, timeZone?: string): string {
  return `${day}T00:00:00${offsetAt(day, "00:00:00", timeZone)}`;
}

export function dayEndIso(day: string, timeZone?: string): string {
  return `${day}T23:59:59.999${offsetAt(day, "23:59:59", timeZone)}`;
}

/** Back from an ISO instant to the `YYYY-MM-DD` a date input shows (in `timeZone` when given). */
export function isoToDay(iso: string | undefined, timeZone?: string): string {
  if (!iso) return "";
  if (!timeZone) return iso.slice(0, 10);
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso.slice(0, 10);
  return new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(d);
}
