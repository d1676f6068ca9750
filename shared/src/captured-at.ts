// The sane window for `capturedAt` (a device-clock time): from 2000-01-01 to
// one day past the server's now. The server refuses a create outside it with
// a clock code (never `invalid`), and the client engine moves the time by the
// clock error it has measured and sends the write again, so a tablet whose
// clock reset to 1970 or ran a year ahead loses no tap. Devices write it with
// isoWithOffset: local time with the device's own UTC offset.

export const CAPTURED_AT_MIN_MS = Date.UTC(2000, 0, 1);
export const CAPTURED_AT_MAX_AHEAD_MS = 86_400_000;

/** Codes of rejections that only say "your clock is wrong": the write is stamped again, not lost. */
export const CLOCK_REJECT_CODES = ["clock-ahead", "clock-behind"] as const;
export type ClockRejectCode = (typeof CLOCK_REJECT_CODES)[number];
export const isClockReject = (code: string): code is ClockRejectCode =>
  (CLOCK_REJECT_CODES as readonly string[]).includes(code);

/** Where `capturedAt` stands against the window at `now`, or null when it is not a time. */
export function capturedAtFit(iso: unknown, now: number): "ok" | ClockRejectCode | null {
  if (typeof iso !== "string") return null;
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return null;
  if (ms < CAPTURED_AT_MIN_MS) return "clock-behind";
  if (ms > now + CAPTURED_AT_MAX_AHEAD_MS) return "clock-ahead";
  return "ok";
}

const OFFSET = /(?:Z|([+-])(\d{2}):(\d{2}))$/i;
const pad = (n: number, w = 2) => String(Math.trunc(Math.abs(n))).padStart(w, "0");

/**
 * `ms` as the devices write `capturedAt`: ISO-8601 in local time with its UTC
 * offset, e.g. 2026-03-01T09:15:02.123+07:00 for `offsetMin` = 420 minutes
 * east of UTC (the device's own offset at that instant when absent).
 */
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

/** `ms` written in the same UTC offset as `like` ("…+07:00" stays "+07:00"). */
export function isoInOffsetOf(like: string, ms: number): string {
  const m = OFFSET.exec(like);
  const minutes = m?.[1] ? (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
  const local = new Date(ms + minutes * 60_000).toISOString().slice(0, -1);
  if (!m?.[1]) return `${local}Z`;
  return `${local}${m[1]}${m[2]}:${m[3]}`;
}

/**
 * A capturedAt the server will take: unchanged when it fits; otherwise moved
 * by the measured clock error (`offsetMs` = server − device), or set to `now`
 * when even that does not fit. Keeps the original's UTC offset.
 */
export function correctCapturedAt(iso: string, offsetMs: number, now: number): string {
  const fit = capturedAtFit(iso, now);
  if (fit === "ok" || fit === null) return iso;
  const shifted = Date.parse(iso) + offsetMs;
  const ms =
    shifted >= CAPTURED_AT_MIN_MS && shifted <= now + CAPTURED_AT_MAX_AHEAD_MS ? shifted : now;
  return isoInOffsetOf(iso, ms);
}
