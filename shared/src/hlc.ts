// Hybrid logical clock (Kulkarni et al.). Orders edits across devices whose
// wall clocks disagree: a stamp made after *seeing* another is always greater,
// whatever the local clock says. The string form sorts as plain text:
//   "<ms, 15 digits>-<counter, 4 base36>-<nodeId>"
import * as z from "zod/mini";

export const HLC_PATTERN = /^\d{15}-[0-9a-z]{4}-[0-9A-Za-z_-]{1,64}$/;
export const HlcSchema = z.string().check(z.regex(HLC_PATTERN, "not an HLC timestamp"));
export type HlcString = z.infer<typeof HlcSchema>;

/** Mutable clock state: last issued physical ms and counter. */
export type HlcState = { readonly ms: number; readonly counter: number; readonly node: string };

const MAX_COUNTER = 36 ** 4 - 1;
/** The greatest wall time 15 digits hold; a stamp never goes past it. */
export const MAX_HLC_MS = 10 ** 15 - 1;
/**
 * How far ahead of the server's clock a stamp may be (server: rejected as
 * `clock-ahead` beyond it; client: a pulled stamp never moves the clock
 * further than this past its own, server-corrected, now).
 */
export const DEFAULT_MAX_DRIFT_MS = 5 * 60_000;

export function hlcInit(node: string): HlcState {
  return { ms: 0, counter: 0, node };
}

export function hlcFormat(s: HlcState): HlcString {
  const ms = Math.min(Math.max(0, Math.trunc(s.ms)), MAX_HLC_MS);
  return `${String(ms).padStart(15, "0")}-${s.counter.toString(36).padStart(4, "0")}-${s.node}`;
}

export function hlcParse(text: string): HlcState {
  if (!HLC_PATTERN.test(text)) throw new Error(`not an HLC timestamp: ${text.slice(0, 80)}`);
  const [ms, counter] = text.split("-", 2) as [string, string];
  return { ms: Number(ms), counter: Number.parseInt(counter, 36), node: text.slice(21) };
}

/** The state a stamp holds, or null when `text` is not an HLC (never throws). */
export function hlcTryParse(text: unknown): HlcState | null {
  return typeof text === "string" && HLC_PATTERN.test(text) ? hlcParse(text) : null;
}

/** Wall time of a stamp in ms since the epoch, or null when it is not an HLC. */
export function hlcWallMs(text: unknown): number | null {
  return typeof text === "string" && HLC_PATTERN.test(text) ? Number(text.slice(0, 15)) : null;
}

function bump(ms: number, counter: number, node: string): HlcState {
  // Counter overflow spills into the ms field: still monotonic and still sortable.
  return counter > MAX_COUNTER ? { ms: ms + 1, counter: 0, node } : { ms, counter, node };
}

/** Stamp a local event (send). Monotonic even when `now` goes backwards. */
export function hlcSend(s: HlcState, now: number): HlcState {
  const wall = Math.min(Math.trunc(now), MAX_HLC_MS);
  return wall > s.ms ? { ms: wall, counter: 0, node: s.node } : bump(s.ms, s.counter + 1, s.node);
}

/**
 * Merge a remote stamp (receive). The result is greater than both the local
 * state and the remote stamp, so later local edits win over what was seen —
 * even when the remote clock ran a day ahead. Never throws: a remote that is
 * not an HLC leaves the state as it was. With `maxAheadMs`, a remote stamp
 * beyond `now + maxAheadMs` counts as that bound, so one hostile stamp cannot
 * carry this clock into the far future.
 */
export function hlcReceive(
  s: HlcState,
  remote: string,
  now: number,
  maxAheadMs = Number.POSITIVE_INFINITY,
): HlcState {
  const parsed = hlcTryParse(remote);
  if (!parsed) return s;
  const cap = Math.min(now + maxAheadMs, MAX_HLC_MS);
  const r = parsed.ms > cap ? { ...parsed, ms: Math.trunc(cap), counter: 0 } : parsed;
  const ms = Math.max(s.ms, r.ms, Math.min(Math.trunc(now), MAX_HLC_MS));
  if (ms === s.ms && ms === r.ms) return bump(ms, Math.max(s.counter, r.counter) + 1, s.node);
  if (ms === s.ms) return bump(ms, s.counter + 1, s.node);
  if (ms === r.ms) return bump(ms, r.counter + 1, s.node);
  return { ms, counter: 0, node: s.node };
}

/** Text comparison is the order (fixed-width fields). Null sorts first. */
export function hlcCompare(a: string | null | undefined, b: string | null | undefined): number {
  if (a === b) return 0;
  if (a == null) return -1;
  if (b == null) return 1;
  return a < b ? -1 : 1;
}

export function hlcMax(a: string | null, b: string | null): string | null {
  return hlcCompare(a, b) >= 0 ? a : b;
}
