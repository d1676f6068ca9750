// Tiny scale helpers for the hand-made SVG charts (no chart library).

/** Linear map of [d0, d1] onto [r0, r1]; a flat domain maps to the middle. */
export function linear(d0: number, d1: number, r0: number, r1: number): (v: number) => number {
  if (d1 === d0) return () => (r0 + r1) / 2;
  return (v) => r0 + ((v - d0) / (d1 - d0)) * (r1 - r0);
}

/** A "nice" upper bound (1, 2, 5 × 10^n) at or above `max`, for axis ticks. */
export function niceMax(max: number): number {
  if (max <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(max));
  for (const m of [1, 2, 5, 10]) if (m * p >= max) return m * p;
  return 10 * p;
}

export function ticks(max: number, count = 4): number[] {
  const top = niceMax(max);
  return Array.from({ length: count + 1 }, (_, i) => (top / count) * i);
}

const LOW = [238, 245, 243];
const HIGH = [24, 78, 95];

/** Sequential colour from pale (0) to deep teal (1). */
export function heat(t: number): string {
  const x = Math.max(0, Math.min(1, t));
  const c = LOW.map((l, i) => Math.round(l + ((HIGH[i] ?? l) - l) * x));
  return `rgb(${c[0]}, ${c[1]}, ${c[2]})`;
}

/** Text colour readable on `heat(t)`. */
export function onHeat(t: number): string {
  return t > 0.55 ? "#fff" : "#1d2b30";
}

// A diverging scale for an index with a meaningful middle (the happy index:
// 0 = every answer unhappy, 50 = split, 100 = every answer happy): warm red
// below the middle, a pale neutral at it, teal green above.
const NEG = [179, 38, 30];
const MID = [244, 241, 234];
const POS = [30, 132, 73];

/** Diverging colour for t in [0, 1]; 0.5 is the neutral middle. */
export function diverge(t: number): string {
  const x = Math.max(0, Math.min(1, t));
  const [from, to, k] = x < 0.5 ? [NEG, MID, x / 0.5] : [MID, POS, (x - 0.5) / 0.5];
  const c = from.map((f, i) => Math.round(f + ((to[i] ?? f) - f) * k));
  return `rgb(${c[0]}, ${c[1]}, ${c[2]})`;
}

/** Text colour readable on `diverge(t)`. */
export function onDiverge(t: number): string {
  return t < 0.22 || t > 0.78 ? "#fff" : "#1d2b30";
}

export const CHANNEL_COLOURS: Record<string, string> = {
  web: "#3867d6",
  event: "#8e44ad",
  store: "#1e8449",
  feedback: "#d68910",
  import: "#5d6d7e",
};
