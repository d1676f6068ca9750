// Where in local time an observation fell: in its store's zone when the
// store is known, else in the offset the device wrote into capturedAt.
import { type LocalParts, localParts } from "./zoned-time.ts";

const OFFSET = /([+-])(\d{2}):?(\d{2})$/;

/** Local date/hour/weekday of `capturedAt`, or null when it is unreadable. */
export function localPartsOf(capturedAt: string, timeZone: string | undefined): LocalParts | null {
  const ms = Date.parse(capturedAt);
  if (!Number.isFinite(ms)) return null;
  if (timeZone) return localParts(ms, timeZone);
  const m = OFFSET.exec(capturedAt);
  const off = m ? (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
  const local = new Date(ms + off * 60_000);
  return {
    date: local.toISOString().slice(0, 10),
    hour: local.getUTCHours(),
    weekday: (local.getUTCDay() + 6) % 7,
  };
}
