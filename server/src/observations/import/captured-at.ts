// Reading the time of an imported row. Exports carry every shape: ISO with
// an offset (kept as is), ISO or "YYYY-MM-DD HH:mm" without one and the
// Vietnamese day-first "15/03/2024 09:30" (both read in the import's time
// zone), other strings with an explicit offset, or epoch seconds / ms.
import { IsoDateTimeSchema } from "@sightline/shared";
import { formatZoned, zonedTimeToUtc } from "../../analytics/zoned-time.ts";

const ISO_LOCAL = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?)?$/;
const DAY_FIRST = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})(?:[ T,]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const HAS_OFFSET = /(?:[+-]\d{2}:?\d{2}|Z)$/i;

function wallClock(y: number, mo: number, d: number, h: number, mi: number, s: number, tz: string) {
  const day = new Date(Date.UTC(y, mo - 1, d));
  if (day.getUTCFullYear() !== y || day.getUTCMonth() !== mo - 1 || day.getUTCDate() !== d) {
    return null;
  }
  if (h > 23 || mi > 59 || s > 59) return null;
  return formatZoned(zonedTimeToUtc(y, mo, d, h, mi, s, tz), tz);
}

const num = (x: string | undefined) => (x === undefined ? 0 : Number(x));

/** An ISO-8601 time with offset, or null when `value` is not a time we can read. */
export function readCapturedAt(value: unknown, timeZone: string): string | null {
  if (typeof value === "number" && Number.isFinite(value)) {
    return formatZoned(value > 1e11 ? value : value * 1000, timeZone);
  }
  if (typeof value !== "string") return null;
  const s = value.trim();
  if (IsoDateTimeSchema.safeParse(s).success) return s;
  const iso = ISO_LOCAL.exec(s);
  if (iso) {
    const [, y, mo, d, h, mi, sec] = iso;
    return wallClock(num(y), num(mo), num(d), num(h), num(mi), num(sec), timeZone);
  }
  const dayFirst = DAY_FIRST.exec(s);
  if (dayFirst) {
    const [, d, mo, y, h, mi, sec] = dayFirst;
    return wallClock(num(y), num(mo), num(d), num(h), num(mi), num(sec), timeZone);
  }
  const ms = Date.parse(s);
  return HAS_OFFSET.test(s) && Number.isFinite(ms) ? formatZoned(ms, timeZone) : null;
}
