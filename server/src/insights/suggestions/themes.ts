// Theme suggestions: observations that share a need, a behaviour, a tag or
// a strong term form a candidate group (an inverted index, so no pair of
// observations is ever compared — O(n · keys)). Candidates are scored on the
// kinds of data they span, their size and their text coherence (mean cosine
// to the group's centroid, on a bounded sample); groups spanning ≥ 2 data
// types rank first; a group mostly covered by a better one is dropped.
import { NEED_CODES, type NeedCode } from "@sightline/shared";
import { centroid, cosine, type SparseVector } from "../text/tf-idf.ts";
import { type Featured, type FeatureSet, keyName } from "./featurise.ts";

export type ThemeKey = { type: "need" | "behaviour" | "tag" | "term"; code: string };

export type Theme = {
  key: ThemeKey;
  /** Indexes into FeatureSet.items, most representative first, capped. */
  shown: number[];
  size: number;
  channels: Record<string, number>;
  dataTypes: Record<string, number>;
  /** Needs shared by at least half the members (the key need first). */
  needs: NeedCode[];
  needCounts: Record<string, { tagged: number; inferred: number }>;
  /** Up to ten terms that characterise the group (distinctiveTerms). */
  topTermIds: number[];
  coherence: number;
  from: number;
  to: number;
  score: number;
};

export type ThemeOptions = {
  /** Suggestions returned (default 12, at most 31). */
  limit?: number;
  /** Observation ids per suggestion (default 50). */
  maxIds?: number;
  /** Candidate groups examined, largest first (default 300). */
  maxCandidates?: number;
  /** Members sampled for coherence, top terms and representatives (default 120). */
  sample?: number;
  /** Share of a group already in a better group that drops it (default 0.6). */
  overlap?: number;
};

export function findThemes(features: FeatureSet, options: ThemeOptions = {}): Theme[] {
  const { items } = features;
  const limit = Math.min(options.limit ?? 12, 31);
  const sampleSize = options.sample ?? 120;
  const candidates = [...buckets(features, options.maxCandidates ?? 300)].map(([k, members]) =>
    measure(k, members, features, sampleSize),
  );
  candidates.sort(
    (a, b) => Number(b.types >= 2) - Number(a.types >= 2) || b.score - a.score || a.key - b.key,
  );
  // Bit g of owner[i] is set when observation i belongs to accepted group g.
  const owner = new Uint32Array(items.length);
  const accepted: Theme[] = [];
  const maxOverlap = options.overlap ?? 0.6;
  for (const c of candidates) {
    if (accepted.length >= limit) break;
    const shared = new Array<number>(accepted.length).fill(0);
    for (const i of c.members) {
      const bits = owner[i] as number;
      if (bits === 0) continue;
      for (let g = 0; g < accepted.length; g++)
        if (bits & (1 << g)) shared[g] = (shared[g] ?? 0) + 1;
    }
    if (shared.some((s) => s / c.members.length >= maxOverlap)) continue;
    const bit = 1 << accepted.length;
    for (const i of c.members) owner[i] = (owner[i] as number) | bit;
    accepted.push(finish(c, features, options.maxIds ?? 50, sampleSize));
  }
  return accepted;
}

/**
 * The inverted index, for the `max` largest keys only (a term needs 3
 * observations, other keys 2): sizes are counted first — term keys once per
 * distinct text — and member lists are made for the chosen keys alone.
 */
export function buckets(fs: FeatureSet, max: number): Map<number, number[]> {
  const size = new Map<number, number>();
  const bump = (k: number, by: number) => size.set(k, (size.get(k) ?? 0) + by);
  fs.docKeys.forEach((keys, d) => {
    for (const k of keys) bump(k, fs.multiplicity[d] as number);
  });
  const needs = new Array<number>(NEED_CODES.length).fill(0);
  for (const f of fs.items) {
    for (let m = f.needs; m !== 0; m &= m - 1) {
      const b = 31 - Math.clz32(m & -m);
      needs[b] = (needs[b] as number) + 1;
    }
    if (f.behaviourKey >= 0) bump(f.behaviourKey, 1);
    if (f.tagKeys) for (const k of f.tagKeys) bump(k, 1);
  }
  needs.forEach((n, b) => {
    if (n > 0) size.set(b, n);
  });
  const chosen = [...size]
    .filter(([k, n]) => n >= (k < 0 ? 3 : 2))
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .slice(0, max);
  const out = new Map<number, number[]>(chosen.map(([k]) => [k, []]));
  const docChosen = fs.docKeys.map((keys) => keys.filter((k) => out.has(k)));
  fs.items.forEach((f, i) => {
    for (let m = f.needs; m !== 0; m &= m - 1) out.get(31 - Math.clz32(m & -m))?.push(i);
    if (f.behaviourKey >= 0) out.get(f.behaviourKey)?.push(i);
    if (f.tagKeys) for (const k of f.tagKeys) out.get(k)?.push(i);
    for (const k of docChosen[f.doc] as number[]) out.get(k)?.push(i);
  });
  return out;
}

type Candidate = {
  key: number;
  members: number[];
  types: number;
  score: number;
  coherence: number;
  center: SparseVector;
};

/** Every `step`-th member, at most `size` of them. */
function strided(members: number[], size: number): number[] {
  const step = Math.max(1, Math.floor(members.length / size));
  const out: number[] = [];
  for (let j = 0; j < members.length && out.length < size; j += step)
    out.push(members[j] as number);
  return out;
}

function measure(key: number, members: number[], fs: FeatureSet, sampleSize: number): Candidate {
  const seen = new Uint8Array(fs.dataTypes.length);
  let types = 0;
  for (const i of members) {
    const t = (fs.items[i] as Featured).dataType;
    if (seen[t] === 0) {
      seen[t] = 1;
      types++;
    }
  }
  const sample = strided(members, sampleSize).map((i) => (fs.items[i] as Featured).vector);
  const center = centroid(sample);
  let sum = 0;
  for (const v of sample) sum += cosine(v, center);
  const coherence = sample.length ? sum / sample.length : 0;
  const score = types * (0.5 + coherence) * Math.log2(1 + members.length);
  return { key, members, types, score, coherence, center };
}

function finish(c: Candidate, fs: FeatureSet, maxIds: number, sampleSize: number): Theme {
  const name = keyName(fs, c.key);
  const at = name.indexOf(":");
  const type = name.slice(0, at) as ThemeKey["type"];
  const code = name.slice(at + 1);
  const channels: Record<string, number> = {};
  const typeCount = new Array<number>(fs.dataTypes.length).fill(0);
  const tagged = new Array<number>(NEED_CODES.length).fill(0);
  const hinted = new Array<number>(NEED_CODES.length).fill(0);
  const byType = new Map<number, number[]>();
  let from = Number.POSITIVE_INFINITY;
  let to = Number.NEGATIVE_INFINITY;
  for (const i of c.members) {
    const f = fs.items[i] as Featured;
    channels[f.channel] = (channels[f.channel] ?? 0) + 1;
    typeCount[f.dataType] = (typeCount[f.dataType] as number) + 1;
    for (let m = f.needs; m !== 0; m &= m - 1) {
      const b = 31 - Math.clz32(m & -m);
      if (f.tagged & (1 << b)) tagged[b] = (tagged[b] as number) + 1;
      else hinted[b] = (hinted[b] as number) + 1;
    }
    if (f.time < from) from = f.time;
    if (f.time > to) to = f.time;
    const list = byType.get(f.dataType);
    if (list) list.push(i);
    else byType.set(f.dataType, [i]);
  }
  const dataTypes: Record<string, number> = {};
  typeCount.forEach((n, t) => {
    if (n > 0) dataTypes[fs.dataTypes[t] as string] = n;
  });
  const needCounts: Record<string, { tagged: number; inferred: number }> = {};
  const shared: Array<[NeedCode, number]> = [];
  NEED_CODES.forEach((need, b) => {
    const n = (tagged[b] as number) + (hinted[b] as number);
    if (n === 0) return;
    needCounts[need] = { tagged: tagged[b] as number, inferred: hinted[b] as number };
    if ((type === "need" && need === code) || n >= c.members.length / 2) shared.push([need, n]);
  });
  shared.sort((a, b) => Number(b[0] === code) - Number(a[0] === code) || b[1] - a[1]);
  // Representatives: within each data type, the sampled members nearest the
  // centroid; then taken in turns so every kind of data is in the evidence.
  const ranked = [...byType.values()].map((list) =>
    strided(list, Math.max(sampleSize, maxIds))
      .map((i) => [i, cosine((fs.items[i] as Featured).vector, c.center)] as const)
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .map(([i]) => i),
  );
  return {
    key: { type, code },
    shown: roundRobin(ranked, maxIds),
    size: c.members.length,
    channels,
    dataTypes,
    needs: shared.map(([n]) => n),
    needCounts,
    topTermIds: distinctiveTerms(c, fs, sampleSize),
    coherence: c.coherence,
    from,
    to,
    score: c.score,
  };
}

/**
 * Terms that characterise a group: heavy in its centroid and more common in
 * it than in the whole journal (lift over 1.2), so a word every rating
 * carries ("hài lòng") does not headline every theme. Falls back to the
 * heaviest centroid terms when too few stand out.
 */
function distinctiveTerms(c: Candidate, fs: FeatureSet, sampleSize: number): number[] {
  const sample = strided(c.members, sampleSize);
  const inSample = new Map<number, number>();
  for (const i of sample) {
    for (const id of (fs.items[i] as Featured).vector.ids)
      inSample.set(id, (inSample.get(id) ?? 0) + 1);
  }
  const { df, n } = fs.tfidf;
  const scored = c.center.ids.map((id, j) => {
    const lift = (inSample.get(id) ?? 0) / sample.length / ((df[id] ?? 1) / n);
    return { id, weight: c.center.weights[j] as number, lift };
  });
  const byWeight = (a: { weight: number; id: number }, b: { weight: number; id: number }) =>
    b.weight - a.weight || a.id - b.id;
  const standOut = scored
    .filter((t) => t.lift > 1.2)
    .map((t) => ({ ...t, weight: t.weight * Math.log2(t.lift) }))
    .sort(byWeight);
  const rest = scored.filter((t) => t.lift <= 1.2).sort(byWeight);
  return [...standOut, ...(standOut.length >= 3 ? [] : rest)].slice(0, 10).map((t) => t.id);
}

/** Items taken from the lists in turns until `max`. */
function roundRobin(lists: number[][], max: number): number[] {
  const out: number[] = [];
  for (let round = 0; out.length < max; round++) {
    let any = false;
    for (const l of lists) {
      const e = l[round];
      if (e === undefined) continue;
      any = true;
      out.push(e);
      if (out.length >= max) break;
    }
    if (!any) break;
  }
  return out;
}
