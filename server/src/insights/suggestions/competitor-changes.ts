// Competitor changes worth linking to what happened in our stores: a price
// cut between two captures of the same competitor page (evidence facts), or
// a web/event observation tagged or worded as a price cut or a claim.
// Changes of one competitor and kind within 3 days count as one.
import { textChangeKind } from "./change-words.ts";
import type { Featured, FeatureSet } from "./featurise.ts";

export type ChangeKind = "price" | "claim";

export type CompetitorChange = {
  kind: ChangeKind;
  /** competitorId, else the page's host, else the booth or event name. */
  competitor: string;
  at: number;
  /** Indexes into the feature items that show the change. */
  members: number[];
  price?: { from: number; to: number; currency: string; pct: number };
};

const DAY = 86_400_000;
function host(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).host;
  } catch {
    return undefined;
  }
}

function pageOf(f: Featured): string {
  const u = f.obs.evidence?.facts?.canonicalUrl ?? f.obs.url ?? "";
  const cut = u.search(/[?#]/);
  return cut < 0 ? u : u.slice(0, cut);
}

export function findCompetitorChanges(features: FeatureSet): CompetitorChange[] {
  const { items, changeKinds } = features;
  const raw: CompetitorChange[] = [];
  // Word matches per text (featurise.ts), then per tag.
  const tagKind = new Map<string, number>();
  const captures = new Map<string, Array<[number, number, string, number]>>();
  items.forEach((f, i) => {
    if (f.channel !== "web" && f.channel !== "event") return;
    if (Number.isNaN(f.time)) return;
    const competitor =
      f.obs.competitorId ?? host(f.obs.url) ?? f.obs.booth ?? f.obs.eventName ?? "unknown";
    const price = f.obs.evidence?.facts?.prices?.[0];
    if (price) {
      const key = `${competitor}\u0000${pageOf(f)}`;
      const list = captures.get(key) ?? [];
      list.push([f.time, price.amount, price.currency, i]);
      captures.set(key, list);
    }
    let kind = changeKinds[i] as number;
    for (const tag of f.obs.tags ?? []) {
      let k = tagKind.get(tag);
      if (k === undefined) {
        k = textChangeKind(tag);
        tagKind.set(tag, k);
      }
      kind |= k;
    }
    if (kind & 1) raw.push({ kind: "price", competitor, at: f.time, members: [i] });
    if (kind & 2) raw.push({ kind: "claim", competitor, at: f.time, members: [i] });
  });
  for (const [key, list] of captures) {
    const competitor = key.slice(0, key.indexOf("\u0000"));
    list.sort((a, b) => a[0] - b[0]);
    for (let j = 1; j < list.length; j++) {
      const [, before, cur0, i0] = list[j - 1] as [number, number, string, number];
      const [at, after, cur1, i1] = list[j] as [number, number, string, number];
      // Only cuts: a competitor raising prices sends no shopper our way to ask.
      if (cur0 !== cur1 || before === 0 || (before - after) / before < 0.01) continue;
      const pct = Math.round(((after - before) / before) * 1000) / 10;
      raw.push({
        kind: "price",
        competitor,
        at,
        members: [i0, i1],
        price: { from: before, to: after, currency: cur1, pct },
      });
    }
  }
  return mergeNearby(raw);
}

/** One change per competitor and kind within 3 days; a measured price wins over words. */
function mergeNearby(raw: CompetitorChange[]): CompetitorChange[] {
  raw.sort((a, b) => a.at - b.at);
  const out: CompetitorChange[] = [];
  const last = new Map<string, CompetitorChange>();
  // Members already held, per merged change (a busy competitor's change can gather thousands).
  const held = new Map<CompetitorChange, Set<number>>();
  for (const c of raw) {
    const key = `${c.kind}\u0000${c.competitor}`;
    const prev = last.get(key);
    if (prev && c.at - prev.at <= 3 * DAY) {
      const seen = held.get(prev) as Set<number>;
      for (const m of c.members)
        if (!seen.has(m)) {
          seen.add(m);
          prev.members.push(m);
        }
      if (c.price && !prev.price) prev.price = c.price;
      continue;
    }
    const copy = { ...c, members: [...c.members] };
    last.set(key, copy);
    held.set(copy, new Set(copy.members));
    out.push(copy);
  }
  return out;
}
