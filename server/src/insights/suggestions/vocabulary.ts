// The terms every journal's features are read into, interned once per
// process (ids stay stable between requests, so a journal's parse can be
// kept and copied, featurise.ts), and the parse of a stored feature string
// (shared/src/text/features.ts) read in place into a flat run of ids.
import {
  decodeFeatures,
  featureText,
  TEXT_FEATURES_VERSION,
  type TextFeatures,
  textFeatures,
} from "@sightline/shared/text/features";
import { foldText } from "@sightline/shared/text/fold";
import { textChangeKind } from "./change-words.ts";
import type { SuggestObservation } from "./observation.ts";
import { digits } from "./time-of.ts";

/** The features an observation carries, or computes when stored ones are missing or stale. */
function featuresOf(o: SuggestObservation): TextFeatures {
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

/**
 * Every term seen by this process, interned once: ids stay stable between
 * requests, so a journal's parse is kept (featurise.ts, RUNS) and the journal asked again
 * after one new observation parses that one only. Bounded: past MAX_VOCAB
 * terms the caches start over.
 */
const VOCAB = { ids: new Map<string, number>(), terms: [] as string[], foldKeys: [] as string[] };
const MAX_VOCAB = 2_000_000;
export const CURRENT = `${TEXT_FEATURES_VERSION}|`;

/** A row's script, as parsed: Vietnamese, Vietnamese typed without accents, English. */
export const VI = 0;
export const VI_PLAIN = 1;
export const EN = 2;

/**
 * Rows' words as process-wide term ids in one flat, growable run: row i
 * holds ids/counts[start[i] … start[i + 1]). No object or array per row: at
 * 100,000 rows, a parse object with two arrays each was most of a first
 * request's garbage.
 */
export type Flat = { ids: Int32Array; counts: Int32Array; length: number };

export function reserve(f: Flat, more: number): void {
  if (f.length + more <= f.ids.length) return;
  const size = Math.max(f.length + more, f.ids.length * 2);
  const ids = new Int32Array(size);
  const counts = new Int32Array(size);
  ids.set(f.ids.subarray(0, f.length));
  counts.set(f.counts.subarray(0, f.length));
  f.ids = ids;
  f.counts = counts;
}

function append(f: Flat, id: number, count: number): void {
  if (f.length === f.ids.length) reserve(f, 1);
  f.ids[f.length] = id;
  f.counts[f.length++] = count;
}

export function clearVocab(): void {
  VOCAB.ids.clear();
  VOCAB.terms.length = 0;
  VOCAB.foldKeys.length = 0;
  SLOTS = new Int32Array(1 << 16).fill(-1);
  HASHES = new Int32Array(1 << 16);
  SLOTS_USED = 0;
}

/**
 * The vocabulary again, probed by a slice of a stored feature string
 * without cutting it out: open addressing on a hash computed in the same
 * scan that finds the term's end. A term already known costs no string
 * and no Map lookup (at 100,000 rows, slicing every term and hashing it
 * again in a Map was the costliest step of a cold request). Each slot holds
 * a vocabulary id; `plain` terms are keyed with their "~" mark.
 */
let SLOTS = new Int32Array(1 << 16).fill(-1);
let HASHES = new Int32Array(1 << 16);
let SLOTS_USED = 0;
const HASH_SEED = 0x811c9dc5 | 0;

function sameTerm(t: string, s: string, from: number, to: number, plain: boolean): boolean {
  let k = 0;
  if (plain) {
    if (t.charCodeAt(0) !== 126) return false;
    k = 1;
  }
  if (t.length !== to - from + k) return false;
  for (let i = from; i < to; i++, k++) if (t.charCodeAt(k) !== s.charCodeAt(i)) return false;
  return true;
}

/** The id of s[from, to) (with "~" before it when plain), hashed h. */
function internSlice(s: string, from: number, to: number, plain: boolean, h: number): number {
  let mask = SLOTS.length - 1;
  let at = h & mask;
  for (;;) {
    const id = SLOTS[at] as number;
    if (id < 0) break;
    if (HASHES[at] === h && sameTerm(VOCAB.terms[id] as string, s, from, to, plain)) return id;
    at = (at + 1) & mask;
  }
  const part = s.slice(from, to);
  const id = internVocab(plain ? `~${part}` : part);
  if ((SLOTS_USED + 1) * 2 > SLOTS.length) {
    const slots = new Int32Array(SLOTS.length * 2).fill(-1);
    const hashes = new Int32Array(SLOTS.length * 2);
    mask = slots.length - 1;
    for (let j = 0; j < SLOTS.length; j++) {
      const v = SLOTS[j] as number;
      if (v < 0) continue;
      let to2 = (HASHES[j] as number) & mask;
      while ((slots[to2] as number) >= 0) to2 = (to2 + 1) & mask;
      slots[to2] = v;
      hashes[to2] = HASHES[j] as number;
    }
    SLOTS = slots;
    HASHES = hashes;
    at = h & mask;
    while ((SLOTS[at] as number) >= 0) at = (at + 1) & mask;
  }
  SLOTS[at] = id;
  HASHES[at] = h;
  SLOTS_USED++;
  return id;
}

export function internVocab(t: string): number {
  let id = VOCAB.ids.get(t);
  if (id === undefined) {
    id = VOCAB.terms.length;
    VOCAB.ids.set(t, id);
    VOCAB.terms.push(t);
  }
  return id;
}

/** The folded form of a term ("~san_pham" and "sản_phẩm" → "san_pham"), once per term. */
export function foldKey(id: number): string {
  let k = VOCAB.foldKeys[id];
  if (k === undefined) {
    const t = VOCAB.terms[id] as string;
    k = foldTerm(t.charCodeAt(0) === 126 ? t.slice(1) : t);
    VOCAB.foldKeys[id] = k;
  }
  return k;
}

/**
 * The words of an observation as vocabulary ids, appended to `out`: its
 * stored features read in place, or computed. Returns its code: the script
 * (VI, VI_PLAIN, EN) | the price-cut / claim words of a web or event text
 * (change-words.ts) << 2.
 */
export function parseFeatures(stored: string | null, o: SuggestObservation, out: Flat): number {
  if (stored?.startsWith(CURRENT)) {
    // "f2|<script>|term|term*2|…"
    const from = CURRENT.length;
    let second = stored.indexOf("|", from);
    if (second < 0) second = stored.length;
    const script =
      second - from === 8 && stored.startsWith("vi-plain", from)
        ? VI_PLAIN
        : second - from === 2 && stored.startsWith("en", from)
          ? EN
          : VI;
    const plain = script === VI_PLAIN;
    let at = second + 1;
    const end = stored.length;
    // "!k": the text's price-cut / claim words, decided when it was written.
    let change = 0;
    if (stored.charCodeAt(at) === 33) {
      let next = stored.indexOf("|", at);
      if (next < 0) next = end;
      change = digits(stored, at + 1, next) & 3;
      at = next + 1;
    }
    // Words of text typed without any accent are marked ("~"): only they
    // are matched by their folded form; the mark is hashed first.
    const h0 = plain ? Math.imul(HASH_SEED ^ 126, 0x01000193) : HASH_SEED;
    while (at < end) {
      // One scan per term for its end ("|"), its count ("*n", the last "*")
      // and its hash (up to the count).
      let next = at;
      let star = -1;
      let h = h0;
      let hStar = h0;
      for (; next < end; next++) {
        const c = stored.charCodeAt(next);
        if (c === 124) break;
        if (c === 42) {
          star = next;
          hStar = h;
        }
        h = Math.imul(h ^ c, 0x01000193);
      }
      let count = 1;
      let termEnd = next;
      if (star > at) {
        const v = digits(stored, star + 1, next);
        count = v > 0 ? v : 1;
        termEnd = star;
        h = hStar;
      }
      append(out, internSlice(stored, at, termEnd, plain, h), count);
      at = next + 1;
    }
    return script | (change << 2);
  }
  const f = featuresOf(o);
  const plain = f.script === "vi-plain";
  f.terms.forEach((term, j) => {
    append(out, internVocab(plain ? `~${term}` : term), f.counts[j] as number);
  });
  const change = o.channel === "web" || o.channel === "event" ? textChangeKind(featureText(o)) : 0;
  return (plain ? VI_PLAIN : f.script === "en" ? EN : VI) | (change << 2);
}

/** Terms interned so far. */
export const vocabularySize = (): number => VOCAB.terms.length;

/** The term of a vocabulary id. */
export const termOf = (id: number): string => VOCAB.terms[id] as string;

/** Past this many terms the vocabulary (and every kept parse) starts over. */
export const vocabularyFull = (): boolean => VOCAB.terms.length > MAX_VOCAB;
