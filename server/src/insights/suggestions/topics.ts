// Topics: spherical k-means on the TF-IDF vectors of featurise.ts. The
// number of topics comes from the data: k-means starts with more clusters
// than a journal is likely to hold (√m of the m sampled observations, up to
// 36), then clusters whose centres point the same way are merged
// (near-duplicates), and clusters too small to be a topic are dropped.
// Seeding is k-means++ with draws tied to observation ids (drawOf), best of
// a few restarts: the same journal always gives the same topics, and a
// journal that gains a few rows keeps them. Fitting runs on a sample of
// about 3,000 observations chosen by the same draws, then every observation is
// assigned once; an observation joins a topic only when it is close to its
// centre (absolute and relative to the topic's own spread), so a stray text
// stays in the timeline instead of padding a suggestion.
import type { FeatureSet, Vectors } from "./featurise.ts";

export type TopicOptions = {
  /** Most clusters k-means starts with (default 36). */
  maxK?: number;
  /** Observations sampled for fitting (default 3,000). */
  sample?: number;
  restarts?: number;
  iterations?: number;
  /** Centres closer than this (cosine) are one topic (default 0.45). */
  merge?: number;
  /** Fewest members of a topic (default 3). */
  minMembers?: number;
  /** Least cosine to the centre for a member (default 0.2). */
  closeness?: number;
  /** Least cosine relative to the topic's median member (default 0.5). */
  relative?: number;
};

export type Topic = {
  /** Item indexes, closest to the centre first. */
  members: number[];
  /** Cosine of each member to the centre, aligned with members. */
  closeness: number[];
  /** The centre: term ids ascending, weights (normalised). */
  centre: { ids: number[]; weights: number[] };
  /** Mean cosine of the members to the centre. */
  coherence: number;
};

/**
 * A fixed draw in (0, 1) for each observation and salt, from its id alone
 * (FNV-1a, then a mixer): the randomness of seeding and sampling belongs to
 * the observations, not to their positions, so a journal that gains 1 % new
 * rows keeps almost every draw and with them its topics.
 */
export function drawOf(id: string, salt: number): number {
  let h = 0x811c9dc5 ^ salt;
  // The last 16 characters: where ids differ (a UUID's random tail, a
  // counter), and a journal of 100,000 hashes in about 10 ms, not 25.
  for (let i = Math.max(0, id.length - 16); i < id.length; i++)
    h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return ((h >>> 0) + 0.5) / 4294967296;
}

/** Dense centres over a compact term space. */
type Centres = { k: number; dim: number; w: Float64Array };

function dot(V: Vectors, d: number, c: Centres, j: number, col: Int32Array): number {
  let s = 0;
  const base = j * c.dim;
  const end = V.start[d + 1] as number;
  for (let t = V.start[d] as number; t < end; t++) {
    const x = col[V.ids[t] as number] as number;
    if (x >= 0) s += (V.weights[t] as number) * (c.w[base + x] as number);
  }
  return s;
}

/**
 * Centres as postings: for each column, the centres that weigh it and by
 * how much. Assigning a document then touches only the centres that share
 * one of its terms — a few per term instead of every centre.
 */
type Postings = { start: Int32Array; centre: Int32Array; weight: Float64Array; k: number };

function postingsOf(c: Centres): Postings {
  const start = new Int32Array(c.dim + 1);
  for (let j = 0; j < c.k; j++)
    for (let x = 0; x < c.dim; x++)
      if ((c.w[j * c.dim + x] as number) > 0) start[x + 1] = (start[x + 1] as number) + 1;
  for (let x = 0; x < c.dim; x++) start[x + 1] = (start[x + 1] as number) + (start[x] as number);
  const fill = start.slice(0, c.dim);
  const centre = new Int32Array(start[c.dim] as number);
  const weight = new Float64Array(start[c.dim] as number);
  for (let j = 0; j < c.k; j++)
    for (let x = 0; x < c.dim; x++) {
      const w = c.w[j * c.dim + x] as number;
      if (w <= 0) continue;
      const at = fill[x] as number;
      centre[at] = j;
      weight[at] = w;
      fill[x] = at + 1;
    }
  return { start, centre, weight, k: c.k };
}

/** The cosine found by the last nearest() call (no tuple allocated per call). */
let nearestScore = 0;
let touched = new Int32Array(64);

/** The nearest centre of item `d` (−1 when it shares no term with any); its cosine in nearestScore. */
function nearest(
  V: Vectors,
  d: number,
  p: Postings,
  col: Int32Array,
  scores: Float64Array,
): number {
  if (touched.length < p.k) touched = new Int32Array(p.k * 2);
  let count = 0;
  const stop = V.start[d + 1] as number;
  for (let t = V.start[d] as number; t < stop; t++) {
    const x = col[V.ids[t] as number] as number;
    if (x < 0) continue;
    const w = V.weights[t] as number;
    const end = p.start[x + 1] as number;
    for (let at = p.start[x] as number; at < end; at++) {
      const j = p.centre[at] as number;
      if (scores[j] === 0) touched[count++] = j;
      scores[j] = (scores[j] as number) + w * (p.weight[at] as number);
    }
  }
  let bj = -1;
  let bs = 0;
  for (let q = 0; q < count; q++) {
    const j = touched[q] as number;
    const s = scores[j] as number;
    if (s > bs || (s === bs && j < bj)) {
      bs = s;
      bj = j;
    }
    scores[j] = 0;
  }
  nearestScore = bs;
  return bj;
}

/** Centres as the normalised sums of their members (sample: item indexes). */
function recompute(
  V: Vectors,
  sample: Int32Array,
  assign: Int32Array,
  k: number,
  dim: number,
  col: Int32Array,
): Centres {
  const w = new Float64Array(k * dim);
  for (let i = 0; i < sample.length; i++) {
    const j = assign[i] as number;
    if (j < 0) continue;
    const base = j * dim;
    const d = sample[i] as number;
    const end = V.start[d + 1] as number;
    for (let t = V.start[d] as number; t < end; t++) {
      const x = col[V.ids[t] as number] as number;
      w[base + x] = (w[base + x] as number) + (V.weights[t] as number);
    }
  }
  for (let j = 0; j < k; j++) {
    let norm = 0;
    for (let x = j * dim; x < (j + 1) * dim; x++) norm += (w[x] as number) ** 2;
    norm = Math.sqrt(norm) || 1;
    for (let x = j * dim; x < (j + 1) * dim; x++) w[x] = (w[x] as number) / norm;
  }
  return { k, dim, w };
}

/**
 * k-means++ with the draws tied to observations: the first centre is the
 * smallest draw, each next one the observation with the smallest
 * −ln(draw) / D² (an exponential race, which picks in proportion to D²
 * as k-means++ does). A new observation changes a pick only by winning
 * the race itself.
 */
function seedCentres(
  V: Vectors,
  sample: Int32Array,
  k: number,
  dim: number,
  col: Int32Array,
  draws: Float64Array,
): Centres {
  const m = sample.length;
  let first = 0;
  for (let i = 1; i < m; i++) if ((draws[i] as number) < (draws[first] as number)) first = i;
  const chosen: number[] = [first];
  const far = new Float64Array(m).fill(1);
  const single: Centres = { k: 1, dim, w: new Float64Array(dim) };
  const race = new Float64Array(m);
  for (let i = 0; i < m; i++) race[i] = -Math.log(draws[i] as number);
  while (chosen.length < k) {
    const last = sample[chosen[chosen.length - 1] as number] as number;
    single.w.fill(0);
    for (let t = V.start[last] as number; t < (V.start[last + 1] as number); t++)
      single.w[col[V.ids[t] as number] as number] = V.weights[t] as number;
    let pick = -1;
    let best = Number.POSITIVE_INFINITY;
    for (let i = 0; i < m; i++) {
      const d = 1 - dot(V, sample[i] as number, single, 0, col);
      if (d < (far[i] as number)) far[i] = d;
      const w = (far[i] as number) ** 2;
      if (w <= 1e-12) continue;
      const key = (race[i] as number) / w;
      if (key < best) {
        best = key;
        pick = i;
      }
    }
    if (pick < 0) break;
    chosen.push(pick);
  }
  const assign = new Int32Array(m).fill(-1);
  chosen.forEach((i, j) => {
    assign[i] = j;
  });
  return recompute(V, sample, assign, chosen.length, dim, col);
}

function kmeans(
  V: Vectors,
  sample: Int32Array,
  k: number,
  dim: number,
  col: Int32Array,
  draws: Float64Array,
  iterations: number,
): { centres: Centres; assign: Int32Array; objective: number } {
  let centres = seedCentres(V, sample, k, dim, col, draws);
  const assign = new Int32Array(sample.length).fill(-1);
  let objective = 0;
  const scores = new Float64Array(k);
  for (let it = 0; it < iterations; it++) {
    let moved = 0;
    objective = 0;
    const p = postingsOf(centres);
    for (let i = 0; i < sample.length; i++) {
      const j = nearest(V, sample[i] as number, p, col, scores);
      const s = nearestScore;
      objective += s;
      if (assign[i] !== j) {
        assign[i] = j;
        moved++;
      }
    }
    centres = recompute(V, sample, assign, centres.k, dim, col);
    // Settled: fewer than 0.5 % of the sample changed centre (the last
    // rounds of a large sample move a handful each and change no topic).
    if (moved * 200 < sample.length) break;
  }
  return { centres, assign, objective };
}

const cosSparse = (a: Topic["centre"], b: Topic["centre"]) => {
  let i = 0;
  let j = 0;
  let s = 0;
  while (i < a.ids.length && j < b.ids.length) {
    const x = a.ids[i] as number;
    const y = b.ids[j] as number;
    if (x === y) s += (a.weights[i] as number) * (b.weights[j] as number);
    if (x <= y) i++;
    if (y <= x) j++;
  }
  return s;
};

/** A dense centre as sparse: its heaviest 64 terms, renormalised. */
function sparseCentre(c: Centres, j: number, terms: Int32Array): Topic["centre"] {
  const pairs: Array<[number, number]> = [];
  for (let x = 0; x < c.dim; x++) {
    const w = c.w[j * c.dim + x] as number;
    if (w > 0) pairs.push([terms[x] as number, w]);
  }
  pairs.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  pairs.length = Math.min(pairs.length, 64);
  pairs.sort((a, b) => a[0] - b[0]);
  const norm = Math.sqrt(pairs.reduce((s, p) => s + p[1] * p[1], 0)) || 1;
  return { ids: pairs.map((p) => p[0]), weights: pairs.map((p) => p[1] / norm) };
}

const SAMPLE_SALT = 0x5a3b1e;

export function findTopics(fs: FeatureSet, o: TopicOptions = {}): Topic[] {
  const V = fs.vectors;
  const docs: number[] = [];
  for (let i = 0; i < fs.items.length; i++) if (V.start[i + 1] !== V.start[i]) docs.push(i);
  const minMembers = o.minMembers ?? 3;
  if (docs.length < minMembers) return [];
  // Topics are fitted on observations with words; those carrying codes only
  // (a kiosk rating with its reasons, a tap) join them afterwards through
  // their codes, so they never make a "topic" of their own.
  const isCode = (id: number) => (fs.terms[id] as string).charCodeAt(0) === 35;
  const worded = docs.filter((i) => {
    for (let t = V.start[i] as number; t < (V.start[i + 1] as number); t++)
      if (!isCode(V.ids[t] as number)) return true;
    return false;
  });
  if (worded.length < minMembers) return [];
  const codeOnly = new Uint8Array(fs.items.length);
  for (const i of docs) codeOnly[i] = 1;
  for (const i of worded) codeOnly[i] = 0;
  // The sample: every worded observation, or in a large journal those
  // whose draw falls under sampleSize / count (about sampleSize of them) —
  // a row added or removed changes the sample by that row only.
  const sampleSize = o.sample ?? 3000;
  const idOf = (i: number) => (fs.items[i] as FeatureSet["items"][number]).obs.id;
  const share = sampleSize / worded.length;
  const sample = Int32Array.from(
    share >= 1 ? worded : worded.filter((i) => drawOf(idOf(i), SAMPLE_SALT) < share),
  );
  // Compact term space: the terms at least two sampled observations share
  // (a term in one can pull no two together; leaving it out keeps the
  // dense centres small).
  const seen = new Uint8Array(fs.terms.length);
  const col = new Int32Array(fs.terms.length).fill(-1);
  const back: number[] = [];
  for (const d of sample)
    for (let t = V.start[d] as number; t < (V.start[d + 1] as number); t++) {
      const id = V.ids[t] as number;
      if (seen[id] === 1 && col[id] === -1) {
        col[id] = back.length;
        back.push(id);
      }
      seen[id] = 1;
    }
  const dim = back.length;
  // A journal too small for two topics is tried as one.
  const k =
    sample.length < 2 * minMembers
      ? 1
      : Math.max(2, Math.min(o.maxK ?? 36, Math.round(Math.sqrt(sample.length)), sample.length));
  let fit: ReturnType<typeof kmeans> | null = null;
  // Restarts matter for small journals (a bad seed is a large share of the
  // data); a large sample settles the same way from any good seed.
  const restarts = o.restarts ?? (sample.length >= 2000 ? 1 : 2);
  for (let r = 0; r < restarts; r++) {
    const draws = new Float64Array(sample.length);
    for (let i = 0; i < sample.length; i++)
      draws[i] = drawOf(idOf(sample[i] as number), 0x5eed + 7919 * r);
    const run = kmeans(V, sample, k, dim, col, draws, o.iterations ?? 15);
    if (!fit || run.objective > fit.objective + 1e-9) fit = run;
  }
  if (!fit) return [];
  const terms = Int32Array.from(back);
  let centres = Array.from({ length: fit.centres.k }, (_, j) =>
    sparseCentre(fit.centres, j, terms),
  );
  const sizes = Array.from({ length: fit.centres.k }, () => 0);
  for (const j of fit.assign) if (j >= 0) sizes[j] = (sizes[j] as number) + 1;

  // Merge near-duplicate centres, closest pair first.
  const mergeAt = o.merge ?? 0.45;
  const alive = centres.map((c, j) => (sizes[j] as number) > 0 && c.ids.length > 0);
  for (;;) {
    let bi = -1;
    let bj = -1;
    let bs = mergeAt;
    for (let i = 0; i < centres.length; i++) {
      if (!alive[i]) continue;
      for (let j = i + 1; j < centres.length; j++) {
        if (!alive[j]) continue;
        const s = cosSparse(centres[i] as Topic["centre"], centres[j] as Topic["centre"]);
        if (s > bs) [bi, bj, bs] = [i, j, s];
      }
    }
    if (bi < 0) break;
    centres[bi] = mix(
      centres[bi] as Topic["centre"],
      sizes[bi] as number,
      centres[bj] as Topic["centre"],
      sizes[bj] as number,
    );
    sizes[bi] = (sizes[bi] as number) + (sizes[bj] as number);
    alive[bj] = false;
  }
  // Clusters too small to be a topic go, and their members are assigned
  // again below to the nearest topic left (if they are close enough to it).
  centres = centres.filter((_, j) => alive[j] && (sizes[j] as number) >= minMembers);

  // Assign every observation once, to its closest centre.
  const dense = denseOf(centres, fs.terms.length);
  const post = postingsOf(dense.c);
  const scores = new Float64Array(centres.length);
  const assign = new Int32Array(fs.items.length).fill(-1);
  const close = new Float64Array(fs.items.length);
  const sizesNow = new Int32Array(centres.length);
  for (const i of docs) {
    const j = nearest(V, i, post, dense.col, scores);
    const s = nearestScore;
    if (j < 0 || s <= 0) continue;
    assign[i] = j;
    close[i] = s;
    sizesNow[j] = (sizesNow[j] as number) + 1;
  }
  const groups = Array.from(sizesNow, (size) => new Int32Array(size));
  const fill = new Int32Array(centres.length);
  for (const i of docs) {
    const j = assign[i] as number;
    if (j < 0) continue;
    (groups[j] as Int32Array)[fill[j] as number] = i;
    fill[j] = (fill[j] as number) + 1;
  }
  const absolute = o.closeness ?? 0.2;
  const relative = o.relative ?? 0.5;
  const topics: Topic[] = [];
  groups.forEach((g, j) => {
    if (g.length < minMembers) return;
    const order = Array.from(g).sort(
      (a, b) => (close[b] as number) - (close[a] as number) || a - b,
    );
    // The median over distinct closeness values: a hundred identical kiosk
    // taps ("Hỏi giá") must not raise the bar over every written note.
    const distinct: number[] = [];
    for (const i of order) if (distinct.at(-1) !== close[i]) distinct.push(close[i] as number);
    const median = distinct[Math.floor(distinct.length / 2)] as number;
    const bar = Math.max(absolute, relative * median);
    // Code-only observations join on any shared code (they have no words to be near by).
    const members = order.filter(
      (i) => (close[i] as number) >= bar || (codeOnly[i] === 1 && (close[i] as number) >= 0.05),
    );
    if (members.length < minMembers) return;
    const closeness = members.map((i) => close[i] as number);
    topics.push({
      members,
      closeness,
      centre: centres[j] as Topic["centre"],
      coherence: closeness.reduce((a, b) => a + b, 0) / members.length,
    });
  });
  return topics;
}

function mix(a: Topic["centre"], na: number, b: Topic["centre"], nb: number): Topic["centre"] {
  const m = new Map<number, number>();
  for (const [c, nc] of [
    [a, na],
    [b, nb],
  ] as const)
    c.ids.forEach((id, t) => {
      m.set(id, (m.get(id) ?? 0) + nc * (c.weights[t] as number));
    });
  const ids = [...m.keys()].sort((x, y) => x - y);
  const ws = ids.map((id) => m.get(id) as number);
  const norm = Math.sqrt(ws.reduce((s, w) => s + w * w, 0)) || 1;
  return { ids, weights: ws.map((w) => w / norm) };
}

function denseOf(centres: Topic["centre"][], termCount: number): { c: Centres; col: Int32Array } {
  const col = new Int32Array(termCount).fill(-1);
  let dim = 0;
  for (const c of centres) for (const id of c.ids) if (col[id] === -1) col[id] = dim++;
  const w = new Float64Array(centres.length * dim);
  centres.forEach((c, j) => {
    c.ids.forEach((id, t) => {
      w[j * dim + (col[id] as number)] = c.weights[t] as number;
    });
  });
  return { c: { k: centres.length, dim, w }, col };
}
