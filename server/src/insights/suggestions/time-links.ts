// Time links: a competitor change (competitor-changes.ts) followed within
// 14 days by a rise in related store behaviours, in feedback complaints
// about the same need, or by a drop in the feedback happy index. Windows are
// compared as daily rates over the part of each window the data covers
// (the baseline before a change is 28 days), and a change must clear a high
// noise bar (3σ / 1%), since every change in a journal is tested.
// Every count is a binary search over sorted times: O(changes · log n).
import type { NeedCode } from "@sightline/shared";
import {
  type ChangeKind,
  type CompetitorChange,
  findCompetitorChanges,
} from "./competitor-changes.ts";
import type { Featured, FeatureSet } from "./featurise.ts";
import { needBit } from "./need-mask.ts";

export const TIME_LINK_WINDOW_DAYS = 14;
const DAY = 86_400_000;
/** A window must cover this many days of data to be compared (short ones are noise). */
const MIN_DAYS = 7;

/** Store behaviours that a competitor's price cut or claim may move. */
export const RELATED_BEHAVIOURS: Readonly<Record<ChangeKind, readonly string[]>> = {
  price: ["asked-price", "compared-products", "checked-phone", "left-without-buying"],
  claim: ["compared-products", "asked-staff", "checked-phone", "left-without-buying"],
};
const RELATED_NEED: Readonly<Record<ChangeKind, NeedCode>> = {
  price: "price",
  claim: "information",
};

export type Window = { count: number; days: number };

export type TimeLinkSignal =
  | { type: "behaviour"; behaviour: string; before: Window; after: Window; ratio: number }
  | { type: "complaints"; need: NeedCode; before: Window; after: Window; ratio: number }
  | {
      type: "happy-index";
      before: number;
      after: number;
      delta: number;
      ratings: [number, number];
    };

export type TimeLink = {
  change: CompetitorChange;
  signals: TimeLinkSignal[];
  /** Indexes into the feature items: the change, then what followed it. */
  shown: number[];
  score: number;
};

/** Sorted capture times with the item index of each, for window counts. */
type Series = { times: Float64Array; index: Int32Array };

function series(indexes: number[], all: Float64Array): Series {
  const times = new Float64Array(indexes.length);
  for (let j = 0; j < indexes.length; j++) times[j] = all[indexes[j] as number] as number;
  const order = Array.from(indexes.keys()).sort(
    (a, b) => (times[a] as number) - (times[b] as number),
  );
  return {
    times: Float64Array.from(order, (j) => times[j] as number),
    index: Int32Array.from(order, (j) => indexes[j] as number),
  };
}

/** First position with time ≥ t. */
function lowerBound(times: Float64Array, t: number): number {
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((times[mid] as number) < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const countIn = (s: Series | undefined, from: number, to: number) =>
  s ? lowerBound(s.times, to) - lowerBound(s.times, from) : 0;

export type TimeLinkOptions = { limit?: number; windowDays?: number; maxIds?: number };

export function findTimeLinks(features: FeatureSet, options: TimeLinkOptions = {}): TimeLink[] {
  const items = features.items;
  const window = (options.windowDays ?? TIME_LINK_WINDOW_DAYS) * DAY;
  const changes = findCompetitorChanges(features);
  if (changes.length === 0) return [];
  const behaviourIdx = new Map<string, number[]>();
  const complaintIdx = new Map<number, number[]>();
  const ratingIdx: number[] = [];
  let start = Number.POSITIVE_INFINITY;
  let end = Number.NEGATIVE_INFINITY;
  const push = <K>(m: Map<K, number[]>, k: K, i: number) => {
    const l = m.get(k);
    if (l) l.push(i);
    else m.set(k, [i]);
  };
  items.forEach((f: Featured, i) => {
    if (Number.isNaN(f.time)) return;
    if (f.time < start) start = f.time;
    if (f.time > end) end = f.time;
    if (f.channel === "store" && f.obs.behaviour) push(behaviourIdx, f.obs.behaviour, i);
    if (f.channel === "feedback" && !f.obs.suspect && f.obs.rating !== undefined) {
      ratingIdx.push(i);
      if (f.obs.rating <= 2)
        for (let m = f.needs; m !== 0; m &= m - 1) push(complaintIdx, m & -m, i);
    }
  });
  const behaviours = new Map([...behaviourIdx].map(([k, v]) => [k, series(v, features.times)]));
  const complaints = new Map([...complaintIdx].map(([k, v]) => [k, series(v, features.times)]));
  const ratings = series(ratingIdx, features.times);
  const happyPrefix = new Int32Array(ratings.index.length + 1);
  ratings.index.forEach((i, j) => {
    happyPrefix[j + 1] =
      (happyPrefix[j] as number) + (((items[i] as Featured).obs.rating ?? 0) >= 3 ? 1 : 0);
  });
  const maxIds = options.maxIds ?? 40;

  const links: TimeLink[] = [];
  for (const change of changes) {
    const t = change.at;
    // The baseline is the twice-as-long stretch before the change: a short
    // one makes a chance dip look like the start of a rise.
    const beforeDays = Math.min(2 * window, t - start) / DAY;
    const afterDays = Math.min(window, end - t) / DAY;
    if (beforeDays < MIN_DAYS || afterDays < MIN_DAYS) continue;
    const signals: TimeLinkSignal[] = [];
    const followers: Series[] = [];
    const rise = (s: Series | undefined) => {
      const before = { count: countIn(s, t - beforeDays * DAY, t), days: beforeDays };
      const after = { count: countIn(s, t, t + afterDays * DAY), days: afterDays };
      const rb = before.count / beforeDays;
      const ra = after.count / afterDays;
      const expected = rb * afterDays;
      const ratio = Math.round(((ra + 0.1) / (rb + 0.1)) * 10) / 10;
      // A rise: 1.5× the daily rate, and beyond Poisson noise (3σ, at least 3):
      // every change in a journal is tested, so the bar is high.
      const excess = after.count - expected;
      return {
        before,
        after,
        ratio,
        up: ra >= 1.5 * rb && excess >= Math.max(3, 3 * Math.sqrt(Math.max(expected, 1))),
      };
    };
    for (const b of RELATED_BEHAVIOURS[change.kind]) {
      const s = behaviours.get(b);
      const r = rise(s);
      if (!r.up || !s) continue;
      signals.push({
        type: "behaviour",
        behaviour: b,
        before: r.before,
        after: r.after,
        ratio: r.ratio,
      });
      followers.push(s);
    }
    const need = RELATED_NEED[change.kind];
    const cs = complaints.get(needBit(need));
    const cr = rise(cs);
    if (cr.up && cs) {
      signals.push({
        type: "complaints",
        need,
        before: cr.before,
        after: cr.after,
        ratio: cr.ratio,
      });
      followers.push(cs);
    }
    const b0 = lowerBound(ratings.times, t - beforeDays * DAY);
    const b1 = lowerBound(ratings.times, t);
    const a1 = lowerBound(ratings.times, t + afterDays * DAY);
    const nb = b1 - b0;
    const na = a1 - b1;
    if (nb >= 5 && na >= 5) {
      const hb = (100 * ((happyPrefix[b1] as number) - (happyPrefix[b0] as number))) / nb;
      const ha = (100 * ((happyPrefix[a1] as number) - (happyPrefix[b1] as number))) / na;
      // A drop: ≥ 10 points, and one-sided significant at 1% (two-proportion z ≥ 2.33).
      const p = ((happyPrefix[a1] as number) - (happyPrefix[b0] as number)) / (nb + na);
      const se = Math.sqrt(p * (1 - p) * (1 / nb + 1 / na)) * 100;
      if (hb - ha >= 10 && se > 0 && (hb - ha) / se >= 2.33) {
        signals.push({
          type: "happy-index",
          before: round1(hb),
          after: round1(ha),
          delta: round1(ha - hb),
          ratings: [nb, na],
        });
      }
    }
    if (signals.length === 0) continue;
    links.push({
      change,
      signals,
      shown: [
        ...change.members,
        ...after(followers, t, t + afterDays * DAY, maxIds - change.members.length),
      ],
      score: round2(
        1 +
          signals.reduce(
            (s, x) =>
              s + (x.type === "happy-index" ? -x.delta / 20 : Math.min(3, Math.log2(x.ratio))),
            0,
          ),
      ),
    });
  }
  links.sort((a, b) => b.score - a.score || a.change.at - b.change.at);
  // Changes within 3 days of each other share their windows and so their
  // signals: show the strongest link of such a cluster only.
  const kept: TimeLink[] = [];
  for (const l of links) {
    if (kept.some((k) => Math.abs(k.change.at - l.change.at) < 3 * DAY)) continue;
    kept.push(l);
  }
  return kept.slice(0, options.limit ?? 5);
}

/** Up to `max` item indexes from each series' window, taken in turns, no repeats. */
function after(list: Series[], from: number, to: number, max: number): number[] {
  const cursors = list.map((s) => [s, lowerBound(s.times, from), lowerBound(s.times, to)] as const);
  const pos = cursors.map((c) => c[1]);
  const seen = new Set<number>();
  const out: number[] = [];
  let progressed = true;
  while (out.length < max && progressed) {
    progressed = false;
    cursors.forEach(([s, , stop], k) => {
      const p = pos[k] as number;
      if (p >= stop || out.length >= max) return;
      progressed = true;
      pos[k] = p + 1;
      const i = s.index[p] as number;
      if (!seen.has(i)) {
        seen.add(i);
        out.push(i);
      }
    });
  }
  return out;
}

const round1 = (x: number) => Math.round(x * 10) / 10;
const round2 = (x: number) => Math.round(x * 100) / 100;
