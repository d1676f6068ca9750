// One pass over a journal's observations, from the features stored with
// each observation at write time (shared/src/text/features.ts), so no text
// is tokenised here (features missing or of an older version — rows written
// before migration 9 — are computed once, in memory). Terms are interned to
// integers; a term typed without accents is read as the accented term that
// folds to it most often ("san_pham" → "sản_phẩm"); TF-IDF vectors, with the
// observation's codes (behaviour, reasons, tagged needs, tags) as terms of
// their own so kiosk taps and feedback join topics through them; need masks
// per source (tagged, reasons, behaviour, words).
import { type Channel, NEED_CODES, type NeedCode } from "@sightline/shared";
import { foldText } from "@sightline/shared/text/fold";
import { dataTypeOf } from "../corroboration.ts";
import { clearChangeCache } from "./change-words.ts";
import { BEHAVIOUR_MASK, needsFromTerms } from "./need-hints.ts";
import { maskOf, needBit } from "./need-mask.ts";
import type { SuggestObservation } from "./observation.ts";
import { timeOf } from "./time-of.ts";
import {
  CURRENT,
  clearVocab,
  EN,
  type Flat,
  foldKey,
  internVocab,
  parseFeatures,
  reserve,
  termOf,
  VI_PLAIN,
  vocabularyFull,
  vocabularySize,
} from "./vocabulary.ts";

/** A sparse vector: term ids ascending, weights aligned, L2-normalised. */
export type SparseVector = { ids: number[]; weights: number[] };

/**
 * Every observation's TF-IDF vector in one flat run (no arrays per
 * observation: at 100,000 they were most of the garbage collected per
 * request): item i holds ids/weights[start[i] … start[i + 1]), term ids
 * ascending, L2-normalised.
 */
export type Vectors = { start: Int32Array; ids: Int32Array; weights: Float64Array };

export type Featured = {
  obs: SuggestObservation;
  /** The observation's index in the journal (its row in FeatureSet's flat runs). */
  doc: number;
  /** Data type id (FeatureSet.dataTypes): the channel, or `import:<source>`. */
  dataType: number;
  channel: Channel;
  /** capturedAt in ms since epoch (NaN when unreadable). */
  time: number;
  /** Needs tagged on the observation (need-mask.ts). */
  tagged: number;
  /** Every need tagged or implied (reasons, behaviour, words, prices): for time links. */
  needs: number;
  /** The needs of the strongest source that has any: tagged, then reasons, behaviour, words. */
  needVote: number;
  /** Which source needVote came from. */
  needSource: "tagged" | "reason" | "behaviour" | "text" | null;
  /** The text is English (else Vietnamese, typed with or without accents). */
  english: boolean;
};

export type FeatureSet = {
  items: Featured[];
  /** The TF-IDF vector of each item. */
  vectors: Vectors;
  /** Term id → term ("sản_phẩm", "pin nhanh_hết", "#b:asked-price"). */
  terms: string[];
  /** Observations holding each term. */
  df: Int32Array;
  /** Of df, in English texts. */
  dfEnglish: Int32Array;
  n: number;
  /** Of web and event observations: 1 the text speaks of a price cut, 2 of a claim. */
  changeKinds: Int8Array;
  /** Each item's capturedAt in ms (NaN when unreadable), in one flat run. */
  times: Float64Array;
  dataTypes: string[];
};

export type FeaturiseOptions = {
  /** Store reason code → need (from each store's feedback reasons). */
  reasonNeeds?: ReadonlyMap<string, NeedCode> | undefined;
  /** Strongest terms kept per vector (default 16). */
  maxTerms?: number;
  /** Weight of a pair of adjacent words beside a word (default PAIR_WEIGHT). */
  pairWeight?: number;
  /** Weight of a code (behaviour, reason, tag) beside a word (default CODE_WEIGHT). */
  codeWeight?: number;
  /** Weight of a need code beside a word (default NEED_WEIGHT). */
  needWeight?: number;
};

/** Weight of a pair of words beside its words: it sharpens, it should not dominate. */
const PAIR_WEIGHT = 0.6;
/** Weight of a code term (behaviour, reason, need, tag) beside a word. */
const CODE_WEIGHT = 1;
/** Weight of a need (from any source) beside a word: the bridge between kinds of data. */
const NEED_WEIGHT = 1;

/**
 * The parse of a journal's last request in its order (keyed by its first
 * observation's id; a few journals): the next request — the same rows plus
 * a few new, edited or deleted ones — walks it alongside and copies each
 * unchanged row's ids without a string-keyed lookup, which at 100,000
 * rows was the costliest step of a request after one new observation.
 */
type Run = {
  stored: (string | null)[];
  /** Each row's term ids and counts (Flat), and its code (parseFeatures). */
  start: Int32Array;
  ids: Int32Array;
  counts: Int32Array;
  code: Uint8Array;
  /** capturedAt as written, and read. */
  captured: string[];
  times: Float64Array;
};
const RUNS = new Map<string, Run>();
const MAX_RUNS = 8;

/** Forget every interned term and parse (benchmarks measure a first computation with it). */
export function clearFeatureCaches(): void {
  RUNS.clear();
  clearVocab();
  clearChangeCache();
}

export function featurise(
  observations: readonly SuggestObservation[],
  options: FeaturiseOptions = {},
): FeatureSet {
  const n = observations.length;
  if (vocabularyFull()) {
    RUNS.clear();
    clearVocab();
  }
  // Local ids, numbered in order of first appearance in this journal: the
  // process-wide ids depend on what was read before, and ties (equal
  // weights) are broken by id, so the answer must not depend on them.
  let localOf = new Int32Array(vocabularySize() + 64).fill(-1);
  const terms: string[] = [];
  const globalOf: number[] = [];
  const toLocal = (g: number) => {
    if (g >= localOf.length) {
      const grown = new Int32Array(Math.max(g + 1, localOf.length * 2)).fill(-1);
      grown.set(localOf);
      localOf = grown;
    }
    let l = localOf[g] as number;
    if (l < 0) {
      l = terms.length;
      localOf[g] = l;
      terms.push(termOf(g));
      globalOf.push(g);
    }
    return l;
  };
  const intern = (t: string) => toLocal(internVocab(t));
  const foldKeyOf = (id: number) => foldKey(globalOf[id] as number);

  // Every observation's terms in one flat run (no array per document):
  // observation i holds ids[start[i] … start[i + 1]); a count of 0 marks a
  // term merged into an earlier one. Sized first, then filled (typed arrays,
  // no growing).
  const flat: Flat = {
    ids: new Int32Array(n * 16 + 64),
    counts: new Int32Array(n * 16 + 64),
    length: 0,
  };
  const rowStart = new Int32Array(n + 1);
  const code = new Uint8Array(n);
  const storedOf: (string | null)[] = new Array(n);
  const runKey = n > 0 ? (observations[0] as SuggestObservation).id : "";
  const last = RUNS.get(runKey);
  const changeKinds = new Int8Array(n);
  const captured: string[] = new Array(n);
  const times = new Float64Array(n);
  let p = 0;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const o = observations[i] as SuggestObservation;
    const raw = typeof o.features === "string" ? o.features : null;
    let hit = -1;
    if (last && raw !== null) {
      // Same row as last time, or the one after a deleted row; else a new row
      // (p stays). Compared by reference first: the scope cache hands over
      // the same strings, and reading 100,000 of them costs more than this.
      if (last.stored[p] === raw) hit = p++;
      else if (last.stored[p + 1] === raw) {
        hit = p + 1;
        p += 2;
      }
    }
    // Only features of the current version are read (and their parse kept):
    // an older string is no key to the text, which is featurised instead
    // (last.stored holds current ones only, so a hit is current).
    const stored = hit >= 0 || raw?.startsWith(CURRENT) ? raw : null;
    storedOf[i] = stored;
    const at = o.capturedAt;
    captured[i] = at;
    times[i] =
      last && hit >= 0 && last.captured[hit] === at ? (last.times[hit] as number) : timeOf(at);
    rowStart[i] = flat.length;
    if (last && hit >= 0) {
      const from = last.start[hit] as number;
      const to = last.start[hit + 1] as number;
      reserve(flat, to - from);
      for (let j = from; j < to; j++) {
        flat.ids[flat.length] = last.ids[j] as number;
        flat.counts[flat.length++] = last.counts[j] as number;
      }
      code[i] = last.code[hit] as number;
    } else code[i] = parseFeatures(stored, o, flat);
    // Competitor changes are looked for in captures only.
    if (o.channel === "web" || o.channel === "event") changeKinds[i] = (code[i] as number) >> 2;
    total += (o.behaviour ? 1 : 0) + (o.reasons?.length ?? 0) + (o.tags?.length ?? 0);
  }
  rowStart[n] = flat.length;
  total += flat.length;
  if (n > 0) {
    RUNS.delete(runKey);
    if (RUNS.size >= MAX_RUNS) RUNS.delete(RUNS.keys().next().value as string);
    RUNS.set(runKey, {
      stored: storedOf,
      start: rowStart,
      ids: flat.ids,
      counts: flat.counts,
      code,
      captured,
      times,
    });
  }
  const ids = new Int32Array(total);
  const counts = new Int32Array(total);
  let filled = 0;
  const start = new Int32Array(n + 1);
  const english = new Uint8Array(n);
  const plainDoc = new Uint8Array(n);
  const codeIds = new Map<string, number>();
  const reasonIds = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const o = observations[i] as SuggestObservation;
    start[i] = filled;
    const script = (code[i] as number) & 3;
    if (script === VI_PLAIN) plainDoc[i] = 1;
    if (script === EN) english[i] = 1;
    const g = flat.ids;
    const c = flat.counts;
    for (let j = rowStart[i] as number; j < (rowStart[i + 1] as number); j++) {
      ids[filled] = toLocal(g[j] as number);
      counts[filled++] = c[j] as number;
    }
    if (o.behaviour) {
      let id = codeIds.get(o.behaviour);
      if (id === undefined) {
        id = intern(`#b:${o.behaviour}`);
        codeIds.set(o.behaviour, id);
      }
      ids[filled] = id;
      counts[filled++] = 1;
    }
    if (o.reasons)
      for (const r of o.reasons) {
        let id = reasonIds.get(r);
        if (id === undefined) {
          id = intern(`#r:${r}`);
          reasonIds.set(r, id);
        }
        ids[filled] = id;
        counts[filled++] = 1;
      }
    if (o.tags)
      for (const tag of o.tags) {
        ids[filled] = intern(`#t:${foldText(tag)}`);
        counts[filled++] = 1;
      }
  }
  start[n] = filled;

  // A term typed without accents is read as the accented term that folds to
  // it most often in this journal (fold only to match accent-less input).
  const dfRaw = new Int32Array(terms.length);
  for (const t of ids) dfRaw[t] = (dfRaw[t] as number) + 1;
  const best = new Map<string, number>();
  const plainIds: number[] = [];
  for (let id = 0; id < dfRaw.length; id++) {
    const t = terms[id] as string;
    const c = t.charCodeAt(0);
    if (c === 35) continue; // "#": a code
    if (c === 126) {
      plainIds.push(id);
      continue;
    }
    const key = foldKeyOf(id);
    const cur = best.get(key);
    if (cur === undefined || (dfRaw[id] as number) > (dfRaw[cur] as number)) best.set(key, id);
  }
  const canon = new Int32Array(terms.length);
  for (let id = 0; id < canon.length; id++) canon[id] = id;
  for (const id of plainIds)
    canon[id] = best.get(foldKeyOf(id)) ?? intern((terms[id] as string).slice(1));
  for (let i = 0; i < n; i++) {
    if (!plainDoc[i]) continue;
    const from = start[i] as number;
    const to = start[i + 1] as number;
    for (let j = from; j < to; j++) ids[j] = canon[ids[j] as number] as number;
    // Two spellings of one word in one text: add their counts.
    for (let j = from + 1; j < to; j++)
      for (let k = from; k < j; k++)
        if (ids[k] === ids[j] && (counts[k] as number) > 0) {
          counts[k] = (counts[k] as number) + (counts[j] as number);
          counts[j] = 0;
          break;
        }
  }

  // Needs: per source, and the strongest source that has any.
  const termMask = new Int32Array(terms.length).fill(-1);
  const maskOfTerm = (id: number) => {
    let m = termMask[id] as number;
    if (m < 0) {
      const t = terms[id] as string;
      m =
        t.charCodeAt(0) === 35 || t.charCodeAt(0) === 126
          ? 0
          : needsFromTerms([foldText(t.replaceAll("_", " "))]);
      termMask[id] = m;
    }
    return m;
  };
  const reasonMask = new Map<string, number>();
  const maskOfReason = (r: string) => {
    let m = reasonMask.get(r);
    if (m === undefined) {
      const need = options.reasonNeeds?.get(r);
      m = need
        ? needBit(need)
        : needBit(r) || needsFromTerms(foldText(r.replace(/[-_]/g, " ")).split(" "));
      reasonMask.set(r, m);
    }
    return m;
  };
  const needTerm = NEED_CODES.map((need) => intern(`#n:${need}`));
  const tagged = new Int32Array(n);
  const union = new Int32Array(n);
  const needVote = new Int32Array(n);
  const needSource: Featured["needSource"][] = new Array(n);
  observations.forEach((obs, i) => {
    const tag = obs.needs?.length ? maskOf(obs.needs) : 0;
    let reasons = 0;
    if (obs.reasons) for (const r of obs.reasons) reasons |= maskOfReason(r);
    const behaviour = obs.behaviour ? (BEHAVIOUR_MASK.get(obs.behaviour) ?? 0) : 0;
    let words = 0;
    for (let j = start[i] as number; j < (start[i + 1] as number); j++)
      words |= maskOfTerm(ids[j] as number);
    const prices = obs.evidence?.facts?.prices?.length ? needBit("price") : 0;
    const all = tag | reasons | behaviour | words | prices;
    // Every need, from any source, is a code term too (added from `union`
    // when counting and weighing): a kiosk tap, a rating's reason and a
    // note's words about the same need meet through it.
    tagged[i] = tag;
    union[i] = all;
    if (tag) {
      needVote[i] = tag;
      needSource[i] = "tagged";
    } else if (reasons) {
      needVote[i] = reasons;
      needSource[i] = "reason";
    } else if (behaviour) {
      needVote[i] = behaviour;
      needSource[i] = "behaviour";
    } else if (words | prices) {
      needVote[i] = words | prices;
      needSource[i] = "text";
    } else needSource[i] = null;
  });
  const df = new Int32Array(terms.length);
  const dfEnglish = new Int32Array(terms.length);
  for (let i = 0; i < n; i++) {
    const en = english[i] === 1;
    for (let j = start[i] as number; j < (start[i + 1] as number); j++) {
      if ((counts[j] as number) === 0) continue;
      const id = ids[j] as number;
      df[id] = (df[id] as number) + 1;
      if (en) dfEnglish[id] = (dfEnglish[id] as number) + 1;
    }
    for (let x = union[i] as number; x !== 0; x &= x - 1) {
      const id = needTerm[31 - Math.clz32(x & -x)] as number;
      df[id] = (df[id] as number) + 1;
      if (en) dfEnglish[id] = (dfEnglish[id] as number) + 1;
    }
  }

  // A term in most kiosk ratings is the device's wording, not the customer's.
  const templated = templatedTerms(observations, start, ids, terms.length);
  const pairWeight = options.pairWeight ?? PAIR_WEIGHT;
  const codeWeight = options.codeWeight ?? CODE_WEIGHT;
  const needWeight = options.needWeight ?? NEED_WEIGHT;
  const idf = new Float64Array(terms.length);
  df.forEach((d, id) => {
    if (d === 0) return;
    const t = terms[id] as string;
    const code = t.charCodeAt(0) === 35;
    if (d < 2 || (templated.has(id) && !code)) return;
    const base = Math.log((1 + n) / (1 + d)) + 1;
    idf[id] = code
      ? base * (t.startsWith("#n:") ? needWeight : codeWeight)
      : t.includes(" ")
        ? base * pairWeight
        : base;
  });
  const maxTerms = options.maxTerms ?? 16;

  const vectors: Vectors = {
    start: new Int32Array(n + 1),
    ids: new Int32Array(Math.min(total + n * NEED_CODES.length, n * maxTerms)),
    weights: new Float64Array(Math.min(total + n * NEED_CODES.length, n * maxTerms)),
  };
  // Working space for one vector: a row's terms plus every need code.
  let widest = 0;
  for (let i = 0; i < n; i++)
    widest = Math.max(widest, (start[i + 1] as number) - (start[i] as number));
  const scratch = {
    ids: new Int32Array(widest + NEED_CODES.length),
    weights: new Float64Array(widest + NEED_CODES.length),
  };
  const dataTypes: string[] = [];
  const dataTypeIds = new Map<string, number>();
  let at = 0;
  for (let i = 0; i < n; i++) {
    vectors.start[i] = at;
    at = toVector(
      ids,
      counts,
      start[i] as number,
      start[i + 1] as number,
      union[i] as number,
      needTerm,
      idf,
      maxTerms,
      scratch,
      vectors,
      at,
    );
  }
  vectors.start[n] = at;
  const items = observations.map((obs, i): Featured => {
    const key = obs.channel === "import" ? `import\u0000${obs.source ?? ""}` : obs.channel;
    let dataType = dataTypeIds.get(key);
    if (dataType === undefined) {
      const name = dataTypeOf(obs);
      dataType = dataTypes.indexOf(name);
      if (dataType < 0) {
        dataType = dataTypes.length;
        dataTypes.push(name);
      }
      dataTypeIds.set(key, dataType);
    }
    return {
      obs,
      doc: i,
      dataType,
      channel: obs.channel,
      time: times[i] as number,
      tagged: tagged[i] as number,
      needs: union[i] as number,
      needVote: needVote[i] as number,
      needSource: needSource[i] ?? null,
      english: english[i] === 1,
    };
  });
  return { items, vectors, terms, df, dfEnglish, n, changeKinds, times, dataTypes };
}

/**
 * The `maxTerms` heaviest terms of a document, ids ascending, L2-normalised,
 * written into `out` at `at` (scratch: reused working arrays); returns the end.
 */
function toVector(
  ids: Int32Array,
  counts: Int32Array,
  from: number,
  to: number,
  needs: number,
  needTerm: readonly number[],
  idf: Float64Array,
  maxTerms: number,
  scratch: { ids: Int32Array; weights: Float64Array },
  out: Vectors,
  at: number,
): number {
  const outIds = scratch.ids;
  const outW = scratch.weights;
  let kept = 0;
  for (let j = from; j < to; j++) {
    const id = ids[j] as number;
    const w = idf[id] as number;
    if (w <= 0 || (counts[j] as number) === 0) continue;
    outIds[kept] = id;
    outW[kept++] = (1 + Math.log(counts[j] as number)) * w;
  }
  for (let x = needs; x !== 0; x &= x - 1) {
    const id = needTerm[31 - Math.clz32(x & -x)] as number;
    const w = idf[id] as number;
    if (w <= 0) continue;
    outIds[kept] = id;
    outW[kept++] = w;
  }
  // Heaviest first while cutting (insertion sort: vectors are short).
  if (kept > maxTerms) {
    for (let j = 1; j < kept; j++) {
      const id = outIds[j] as number;
      const w = outW[j] as number;
      let k = j - 1;
      while (
        k >= 0 &&
        ((outW[k] as number) < w || ((outW[k] as number) === w && (outIds[k] as number) > id))
      ) {
        outIds[k + 1] = outIds[k] as number;
        outW[k + 1] = outW[k] as number;
        k--;
      }
      outIds[k + 1] = id;
      outW[k + 1] = w;
    }
    kept = maxTerms;
  }
  for (let j = 1; j < kept; j++) {
    const id = outIds[j] as number;
    const w = outW[j] as number;
    let k = j - 1;
    while (k >= 0 && (outIds[k] as number) > id) {
      outIds[k + 1] = outIds[k] as number;
      outW[k + 1] = outW[k] as number;
      k--;
    }
    outIds[k + 1] = id;
    outW[k + 1] = w;
  }
  let norm = 0;
  for (let j = 0; j < kept; j++) norm += (outW[j] as number) ** 2;
  norm = Math.sqrt(norm) || 1;
  for (let j = 0; j < kept; j++) {
    out.ids[at + j] = outIds[j] as number;
    out.weights[at + j] = (outW[j] as number) / norm;
  }
  return at + kept;
}

/**
 * Terms of a device's own wording rather than the customer's: in most of the
 * kiosk ratings (≥ 60 % of at least 20) — e.g. "Rated n/4" or "Khách chấm n/4"
 * on every rating. They would otherwise make a topic of
 * their own out of unrelated ratings.
 */
export function templatedTerms(
  observations: readonly SuggestObservation[],
  start: Int32Array,
  ids: ArrayLike<number>,
  termCount: number,
): Set<number> {
  const perChannel = new Map<string, { n: number; df: Uint32Array }>();
  observations.forEach((o, i) => {
    // Only a rating's wording is the device's; a tap's label names the
    // behaviour the staff member chose ("Hỏi giá") and means what it says.
    if (o.channel !== "feedback") return;
    let c = perChannel.get(o.channel);
    if (!c) {
      c = { n: 0, df: new Uint32Array(termCount) };
      perChannel.set(o.channel, c);
    }
    c.n++;
    for (let j = start[i] as number; j < (start[i + 1] as number); j++) {
      const id = ids[j] as number;
      c.df[id] = (c.df[id] as number) + 1;
    }
  });
  const out = new Set<number>();
  for (const { n, df } of perChannel.values()) {
    if (n < 20) continue;
    df.forEach((count, id) => {
      if (count >= 0.6 * n) out.add(id);
    });
  }
  return out;
}

export const NEED_COUNT = NEED_CODES.length;
