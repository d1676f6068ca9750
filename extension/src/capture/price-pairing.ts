// Which earlier price is which price now. A price is known by its place
// (source + stable selector), its role and its fingerprint — the wording of
// its line around it ("giảm thêm … khi thanh toán qua vnpay") — before its
// value. All prices are paired at once for the best overall match
// (best-assignment.ts): when a line is removed while its neighbour's price
// changes, the neighbour keeps its own wording and so its own price, and the
// removed line's price is removed rather than "changed" into the neighbour's.
import { bestAssignment } from "./best-assignment.ts";
import type { PriceReading } from "./price-reading.ts";
import { PRICE_MARK } from "./price-text.ts";

/** Where a price sits: its source and the stable selector of its element. */
export const place = (p: PriceReading) => `${p.source}\u0000${p.selector ?? ""}`;
export const sameValue = (a: PriceReading, b: PriceReading) =>
  a.amount === b.amount && a.currency === b.currency;
/** Roles that do not contradict each other (a price stored without one agrees with any). */
export const rolesAgree = (a: PriceReading, b: PriceReading) =>
  a.role === undefined || b.role === undefined || a.role === b.role;

const words = (s: string) => s.split(" ").filter(Boolean);

/**
 * How alike two fingerprints are, 0–1, or null when either price has none.
 * Two of today's fingerprints ("before … after"): the share of words they
 * have in common, each word counted on its side of the price. A fingerprint
 * stored before words after were kept (no "…") is the words before only:
 * then the words before are compared, equal or not.
 */
export function labelSimilarity(a: string | undefined, b: string | undefined): number | null {
  if (a === undefined || b === undefined) return null;
  const split = (s: string) => {
    const at = s.indexOf(PRICE_MARK);
    return at < 0 ? null : { before: s.slice(0, at).trim(), after: s.slice(at + 1).trim() };
  };
  const x = split(a);
  const y = split(b);
  if (!x || !y) return (x?.before ?? a.trim()) === (y?.before ?? b.trim()) ? 1 : 0;
  const bag = (f: { before: string; after: string }) =>
    new Set([...words(f.before).map((w) => `<${w}`), ...words(f.after).map((w) => `>${w}`)]);
  const p = bag(x);
  const q = bag(y);
  if (p.size === 0 && q.size === 0) return 1;
  let common = 0;
  for (const w of p) if (q.has(w)) common++;
  return common / (p.size + q.size - common);
}

/** Fingerprints this alike are the same line (a word or two reworded). */
const ALIKE = 0.5;
// What a pair is worth: the wording most, then an unchanged value, then the
// same place; between lines worded alike, the nearer amount, then position.
const W_LABEL = 1500;
const W_VALUE = 1000;
const W_PLACE = 300;
const W_NEAR = 30;
const W_POSITION = 1;

/** 1 for equal amounts, falling to 0 at twice or half the amount (other currencies: 0). */
function nearness(a: PriceReading, b: PriceReading): number {
  if (a.currency !== b.currency || a.amount <= 0 || b.amount <= 0) return 0;
  return Math.max(0, 1 - Math.abs(Math.log(b.amount / a.amount)) / Math.LN2);
}

/**
 * The worth of calling `b` (earlier) and `c` (now) the same price, or null
 * when they may not be: same source and agreeing roles always; then either
 * the same value (unchanged, here or moved, with wording that does not
 * disagree), or the same place with a new value and wording alike (changed).
 */
function worth(b: PriceReading, c: PriceReading): number | null {
  if (b.source !== c.source || !rolesAgree(b, c)) return null;
  const here = place(b) === place(c);
  const same = sameValue(b, c);
  const sim = labelSimilarity(b.fingerprint, c.fingerprint);
  if (!same && (!here || b.role === undefined || sim === null || sim < ALIKE)) return null;
  if (same && !here && sim !== null && sim < ALIKE) return null;
  return (
    W_LABEL * (sim ?? ALIKE) +
    (same ? W_VALUE : W_NEAR * nearness(b, c)) +
    (here ? W_PLACE : 0) +
    (b.position !== undefined && b.position === c.position ? W_POSITION : 0)
  );
}

export interface Pairing {
  /** Baseline index → current index (changed or same). */
  pairs: Map<number, number>;
  unpairedBefore: number[];
  unpairedAfter: number[];
}

/**
 * Pair earlier prices with current ones: first the best overall match of
 * unchanged prices (here or moved) and prices changed in place whose wording
 * is alike; then the one price of a role left at a place on each side is that
 * price, changed (prices stored without a fingerprint); then the same value
 * and role anywhere, whatever the wording.
 */
export function pairPrices(
  before: readonly PriceReading[],
  after: readonly PriceReading[],
): Pairing {
  const pairs = bestAssignment(before.length, after.length, (i, j) =>
    worth(before[i] as PriceReading, after[j] as PriceReading),
  );
  const taken = new Set(pairs.values());
  const here = (b: PriceReading, c: PriceReading) => place(b) === place(c) && rolesAgree(b, c);
  before.forEach((b, i) => {
    if (pairs.has(i)) return;
    const open = after.flatMap((c, j) => (!taken.has(j) && here(b, c) ? [j] : []));
    if (open.length !== 1) return;
    const j = open[0] as number;
    const c = after[j] as PriceReading;
    if (before.filter((q, k) => !pairs.has(k) && here(q, c)).length !== 1) return;
    pairs.set(i, j);
    taken.add(j);
  });
  before.forEach((b, i) => {
    if (pairs.has(i)) return;
    const j = after.findIndex(
      (c, k) => !taken.has(k) && b.source === c.source && sameValue(b, c) && rolesAgree(b, c),
    );
    if (j < 0) return;
    pairs.set(i, j);
    taken.add(j);
  });
  return {
    pairs,
    unpairedBefore: before.map((_, i) => i).filter((i) => !pairs.has(i)),
    unpairedAfter: after.map((_, j) => j).filter((j) => !taken.has(j)),
  };
}
