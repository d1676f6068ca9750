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

export function hlcInit(node: string): HlcState {
  return { ms: 0, counter: 0, node };
}

export function hlcFormat(s: HlcState): HlcString {
  return `${String(s.ms).padStart(15, "0")}-${s.counter.toString(36).padStart(4, "0")}-${s.node}`;
}

export function hlcParse(text: string): HlcState {
  if (!HLC_PATTERN.test(text)) throw new Error(`not an HLC timestamp: ${text.slice(0, 80)}`);
  const [ms, counter] = text.split("-", 2) as [string, string];
  return { ms: Number(ms), counter: Number.parseInt(counter, 36), node: text.slice(21) };
}

function bump(ms: number, counter: number, node: string): HlcState {
  // Counter overflow spills into the ms field: still monotonic and still sortable.
  return counter > MAX_COUNTER ? { ms: ms + 1, counter: 0, node } : { ms, counter, node };
}

/** Stamp a local event (send). Monotonic even when `now` goes backwards. */
export function hlcSend(s: HlcState, now: number): HlcState {
  return now > s.ms ? { ms: now, counter: 0, node: s.node } : bump(s.ms, s.counter + 1, s.node);
}

/**
 * Merge a remote stamp (receive). The result is greater than both the local
 * state and the remote stamp, so later local edits win over what was seen —
 * even when the remote clock ran a day ahead.
 */
export function hlcReceive(s: HlcState, remote: HlcString, now: number): HlcState {
  const r = hlcParse(remote);
  const ms = Math.max(s.ms, r.ms, now);
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
