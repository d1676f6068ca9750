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
import {
  decodeFeatures,
  featureText,
  type TextFeatures,
  textFeatures,
} from "@sightline/shared/text/features";
import { foldText } from "@sightline/shared/text/fold";
import { dataTypeOf } from "../corroboration.ts";
import { BEHAVIOUR_MASK, needsFromTerms } from "./need-hints.ts";
import { maskOf, needBit } from "./need-mask.ts";
import type { SuggestObservation } from "./observation.ts";

/** A sparse vector: term ids ascending, weights aligned, L2-normalised. */
export type SparseVector = { ids: Int32Array; weights: Float64Array };

export type Featured = {
  obs: SuggestObservation;
  /** Index of the observation's text in FeatureSet.texts (one per observation). */
  doc: number;
  /** Data type id (FeatureSet.dataTypes): the channel, or `import:<source>`. */
  dataType: number;
  channel: Channel;
  /** capturedAt in ms since epoch (NaN when unreadable). */
  time: number;
  vector: SparseVector;
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
  /** Term id → term ("sản_phẩm", "pin nhanh_hết", "#b:asked-price"). */
  terms: string[];
  /** Observations holding each term. */
  df: Int32Array;
  /** Of df, in English texts. */
  dfEnglish: Int32Array;
  n: number;
  /** Each observation's text (what, why, quote), as written. */
  texts: string[];
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

/** The features an observation carries, or computes when stored ones are missing or stale. */
export function featuresOf(o: SuggestObservation): TextFeatures {
  return decodeFeatures(o.features) ?? textFeatures(featureText(o));
}

/** The folded form of a term, part by part ("sản_phẩm tốt" → "san_pham tot"). */
function foldTerm(t: string): string {
  if (t.charCodeAt(0) === 35) return t; // "#": a code
  let out = "";
  for (const part of t.split(" ")) {
    const f = foldText(part.replaceAll("_", " ")).replaceAll(" ", "_");
    out = out ? `${out} ${f}` : f;
  }
  return out;
}

export function featurise(
  observations: readonly SuggestObservation[],
  options: FeaturiseOptions = {},
): FeatureSet {
  const n = observations.length;
  const ids = new Map<string, number>();
  const terms: string[] = [];
  let dfRaw: number[] = [];
  let dfEn: number[] = [];
  const intern = (t: string) => {
    let id = ids.get(t);
    if (id === undefined) {
      id = terms.length;
      ids.set(t, id);
      terms.push(t);
      dfRaw.push(0);
      dfEn.push(0);
    }
    return id;
  };
  const docTerms: Int32Array[] = [];
  const docCounts: Float64Array[] = [];
  const texts: string[] = [];
  const english: boolean[] = [];
  observations.forEach((o) => {
    const f = featuresOf(o);
    const plain = f.script === "vi-plain";
    const codes: string[] = [];
    if (o.behaviour) codes.push(`#b:${o.behaviour}`);
    if (o.reasons) for (const r of o.reasons) codes.push(`#r:${r}`);
    if (o.tags) for (const tag of o.tags) codes.push(`#t:${foldText(tag)}`);
    const len = f.terms.length + codes.length;
    const t = new Int32Array(len);
    const c = new Float64Array(len);
    f.terms.forEach((term, j) => {
      // Words of text typed without any accent are marked ("~"): only they
      // are matched by their folded form below.
      t[j] = intern(plain ? `~${term}` : term);
      c[j] = f.counts[j] as number;
    });
    codes.forEach((code, j) => {
      t[f.terms.length + j] = intern(code);
      c[f.terms.length + j] = 1;
    });
    docTerms.push(t);
    docCounts.push(c);
    texts.push(featureText(o));
    english.push(f.script === "en");
  });

  // A term typed without accents is read as the accented term that folds to
  // it most often in this journal (fold only to match accent-less input).
  docTerms.forEach((d, i) => {
    const seen = new Set<number>();
    for (const t of d) {
      if (seen.has(t)) continue;
      seen.add(t);
      dfRaw[t] = (dfRaw[t] as number) + 1;
      if (english[i]) dfEn[t] = (dfEn[t] as number) + 1;
    }
  });
  const best = new Map<string, number>();
  terms.forEach((t, id) => {
    if (t.charCodeAt(0) === 126 || t.charCodeAt(0) === 35) return; // "~", "#"
    const key = foldTerm(t);
    const cur = best.get(key);
    if (cur === undefined || (dfRaw[id] as number) > (dfRaw[cur] as number)) best.set(key, id);
  });
  const canon = new Int32Array(terms.length);
  const count = terms.length;
  for (let id = 0; id < count; id++) {
    const t = terms[id] as string;
    canon[id] =
      t.charCodeAt(0) === 126 ? (best.get(foldTerm(t.slice(1))) ?? intern(t.slice(1))) : id;
  }
  const merged: Array<Map<number, number>> = docTerms.map((d, i) => {
    const m = new Map<number, number>();
    const c = docCounts[i] as Float64Array;
    d.forEach((t, j) => {
      const id = canon[t] as number;
      m.set(id, (m.get(id) ?? 0) + (c[j] as number));
    });
    return m;
  });
  dfRaw = [];
  dfEn = [];

  // Needs: per source, and the strongest source that has any.
  const termMask = new Map<number, number>();
  const maskOfTerm = (id: number) => {
    let m = termMask.get(id);
    if (m === undefined) {
      const t = terms[id] as string;
      m = t.charCodeAt(0) === 35 ? 0 : needsFromTerms([foldText(t.replaceAll("_", " "))]);
      termMask.set(id, m);
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
  type Masks = {
    tagged: number;
    union: number;
    needVote: number;
    needSource: Featured["needSource"];
  };
  const needTerm = NEED_CODES.map((need) => intern(`#n:${need}`));
  const masks = observations.map((obs, i): Masks => {
    const tagged = obs.needs?.length ? maskOf(obs.needs) : 0;
    let reasons = 0;
    if (obs.reasons) for (const r of obs.reasons) reasons |= maskOfReason(r);
    const behaviour = obs.behaviour ? (BEHAVIOUR_MASK.get(obs.behaviour) ?? 0) : 0;
    const m = merged[i] as Map<number, number>;
    let words = 0;
    for (const id of m.keys()) words |= maskOfTerm(id);
    const prices = obs.evidence?.facts?.prices?.length ? needBit("price") : 0;
    const union = tagged | reasons | behaviour | words | prices;
    // Every need, from any source, is a code term too: a kiosk tap, a rating's
    // reason and a note's words about the same need meet through it.
    for (let x = union; x !== 0; x &= x - 1) m.set(needTerm[31 - Math.clz32(x & -x)] as number, 1);
    const [needVote, needSource] = tagged
      ? ([tagged, "tagged"] as const)
      : reasons
        ? ([reasons, "reason"] as const)
        : behaviour
          ? ([behaviour, "behaviour"] as const)
          : words | prices
            ? ([words | prices, "text"] as const)
            : ([0, null] as const);
    return { tagged, union, needVote, needSource };
  });
  const df = new Int32Array(terms.length);
  const dfEnglish = new Int32Array(terms.length);
  merged.forEach((m, i) => {
    for (const id of m.keys()) {
      df[id] = (df[id] as number) + 1;
      if (english[i]) dfEnglish[id] = (dfEnglish[id] as number) + 1;
    }
  });

  // A term in most of one channel's observations is the device's wording
  // (the kiosk's "Khách chấm n/4"), not the customer's: left out.
  const templated = templatedTerms(observations, merged, terms.length);
  const pairWeight = options.pairWeight ?? PAIR_WEIGHT;
  const codeWeight = options.codeWeight ?? CODE_WEIGHT;
  const needWeight = options.needWeight ?? NEED_WEIGHT;
  const idf = new Float64Array(terms.length);
  terms.forEach((t, id) => {
    const d = df[id] as number;
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
  const vectors = merged.map((m) => toVector(m, idf, maxTerms));

  const dataTypes: string[] = [];
  const dataTypeIds = new Map<string, number>();
  const items = observations.map((obs, i): Featured => {
    const { tagged, union, needVote, needSource } = masks[i] as Masks;
    const type = dataTypeOf(obs);
    let dataType = dataTypeIds.get(type);
    if (dataType === undefined) {
      dataType = dataTypes.length;
      dataTypeIds.set(type, dataType);
      dataTypes.push(type);
    }
    return {
      obs,
      doc: i,
      dataType,
      channel: obs.channel,
      time: Date.parse(obs.capturedAt),
      vector: vectors[i] as SparseVector,
      tagged,
      needs: union,
      needVote,
      needSource,
      english: english[i] as boolean,
    };
  });
  return { items, terms, df, dfEnglish, n, texts, dataTypes };
}

/** The `maxTerms` heaviest terms of a document, ids ascending, L2-normalised. */
function toVector(m: Map<number, number>, idf: Float64Array, maxTerms: number): SparseVector {
  const pairs: Array<[number, number]> = [];
  for (const [id, tf] of m) {
    const w = idf[id] as number;
    if (w > 0) pairs.push([id, (1 + Math.log(tf)) * w]);
  }
  if (pairs.length > maxTerms) {
    pairs.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    pairs.length = maxTerms;
  }
  pairs.sort((a, b) => a[0] - b[0]);
  let norm = 0;
  for (const [, w] of pairs) norm += w * w;
  norm = Math.sqrt(norm) || 1;
  return {
    ids: Int32Array.from(pairs, (p) => p[0]),
    weights: Float64Array.from(pairs, (p) => p[1] / norm),
  };
}

/**
 * Terms of a device's own wording rather than the customer's: in most of the
 * kiosk ratings (≥ 60 % of at least 20) — e.g. "Rated n/4" or "Khách chấm n/4"
 * on every rating. They would otherwise make a topic of
 * their own out of unrelated ratings.
 */
export function templatedTerms(
  observations: readonly SuggestObservation[],
  docs: readonly Map<number, number>[],
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
    for (const id of (docs[i] as Map<number, number>).keys()) c.df[id] = (c.df[id] as number) + 1;
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

/** Cosine of a sparse vector with a dense one. */
export function dotDense(v: SparseVector, dense: Float64Array, offset = 0): number {
  let s = 0;
  for (let j = 0; j < v.ids.length; j++)
    s += (v.weights[j] as number) * (dense[offset + (v.ids[j] as number)] as number);
  return s;
}

export const NEED_COUNT = NEED_CODES.length;
