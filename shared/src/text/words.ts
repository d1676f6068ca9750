// Vietnamese (and English) words of a text, found once when an observation
// is written. Vietnamese puts a space between the syllables of one word, so
// words are found by taking, at each syllable, the longest run of 2–4
// syllables that is a known word (vi-words.ts, plus the stop phrases), else
// the syllable alone: "đánh giá" (review) stays apart from "giá" (price),
// "sản phẩm" stays whole. Chat abbreviations are expanded first
// (abbreviations.ts). Accents are kept; text typed without any accent is
// matched on folded forms and written as the listed word ("san pham" →
// "sản phẩm"), so both spellings meet. Stop words are flagged, not dropped,
// so callers can tell two words that were adjacent from two that were not.
import { expandAbbreviation as expandAbbreviationImport } from "./abbreviations.ts";
import {
  FOLD_BREAK as FOLD_BREAK_IMPORT,
  FOLD_MARK as FOLD_MARK_IMPORT,
  FOLD_SEP as FOLD_SEP_IMPORT,
  foldText,
  foldUnit as foldUnitImport,
} from "./fold.ts";
import {
  isStopWord as isStopWordImport,
  STOP_EN,
  STOP_PHRASES_VI,
  STOP_VI as STOP_VI_IMPORT,
} from "./stop-words.ts";
import { VI_WORDS } from "./vi-words.ts";

// What the per-character loop reads, held in this module: run from source
// (tsx, tests, benchmarks) an imported name is a getter on the other
// module, and reading one per character was a sixth of featurising.
const FOLD_BREAK = FOLD_BREAK_IMPORT;
const FOLD_MARK = FOLD_MARK_IMPORT;
const FOLD_SEP = FOLD_SEP_IMPORT;
const foldUnit = foldUnitImport;
const expandAbbreviation = expandAbbreviationImport;
const isStopWord = isStopWordImport;
const STOP_VI = STOP_VI_IMPORT;

/** How a text is written: Vietnamese with accents, Vietnamese without, or English. */
export type Script = "vi" | "vi-plain" | "en";

/** A word: lower case NFC, syllables joined by one space. */
export type Unit = { text: string; stop: boolean };

export type FoundWords = {
  script: Script /** Runs of words between punctuation. */;
  phrases: Unit[][];
};

const LONGEST = 4;
const WORDS = new Set<string>();
const FOLDED = new Map<string, string>();
const FIRST = new Set<string>();
const FIRST_FOLDED = new Set<string>();
for (const entry of [...VI_WORDS.split(/[|\n]/), ...STOP_PHRASES_VI]) {
  const w = entry.trim().normalize("NFC").toLowerCase().replace(/\s+/g, " ");
  const syllables = w.split(" ");
  if (syllables.length < 2 || syllables.length > LONGEST) continue;
  WORDS.add(w);
  const f = foldText(w);
  if (!FOLDED.has(f)) FOLDED.set(f, w);
  FIRST.add(syllables[0] as string);
  FIRST_FOLDED.add(f.split(" ")[0] as string);
}
/** Folded syllables of Vietnamese words: to tell accent-less Vietnamese from English. */
const VI_SYLLABLES = new Set<string>();
for (const f of FOLDED.keys()) for (const s of f.split(" ")) if (s.length > 1) VI_SYLLABLES.add(s);
for (const s of "khong|duoc|qua|rat|nhung|cua|nay|thi|la|voi|va|cho|roi|bi|hon|mua|may|gia|het|lau|tot|dep|xau|nhanh|cham|re|dat|moi|cu|nhieu|it|lam|mot|hai|ba".split(
  "|",
))
  VI_SYLLABLES.add(s);
for (const s of ["the", "to", "in", "on", "and", "is", "it", "for", "me", "so", "an", "a"])
  VI_SYLLABLES.delete(s);

/** A syllable: surface (lower case), folded, and whether the surface has any non-ASCII unit. */
type Token = { s: string; f: string; a: boolean };
const NON_ASCII = /[^ -~]/; // anything outside printable ASCII (controls never reach a word)
const NUMBER: Token = { s: "", f: "", a: false };

/** Abbreviations expanded to syllables, folded once (not per occurrence). */
const EXPANDED = new Map<readonly string[], Token[]>();
function expanded(full: readonly string[]): Token[] {
  let out = EXPANDED.get(full);
  if (out === undefined) {
    out = full.map((s) => ({ s, f: foldText(s), a: NON_ASCII.test(s) }));
    EXPANDED.set(full, out);
  }
  return out;
}

let buf = new Uint16Array(256);

/** Syllables of a text as (surface, folded) pairs, in phrases cut at punctuation. */
function tokens(text: string, nfc = false): Token[][] {
  const t = text;
  if (buf.length < t.length) buf = new Uint16Array(t.length * 2);
  const phrases: Token[][] = [];
  let phrase: Token[] = [];
  let start = -1;
  let len = 0;
  // Whether every unit folded to itself (the surface is its folded form,
  // no second string made), and whether any is outside ASCII.
  let same = true;
  let high = false;
  for (let i = 0; i <= t.length; i++) {
    const code = i < t.length ? t.charCodeAt(i) : 0;
    const v = i < t.length ? foldUnit(code) : FOLD_BREAK;
    if (v === FOLD_MARK) {
      // A combining mark: compose the text first (NFC) — most text comes
      // composed, so the normalisation is paid only when it is needed; a
      // mark NFC leaves standing is skipped.
      if (!nfc) return tokens(text.normalize("NFC"), true);
      same = false;
      continue;
    }
    if (v === FOLD_SEP || v === FOLD_BREAK) {
      if (start >= 0) {
        // A number ("149k", "0h", "30") says nothing about a topic: it ends the word run.
        const c = buf[0] as number;
        if (c >= 0x30 && c <= 0x39) phrase.push(NUMBER);
        else if (same) {
          // (a unit may fold to itself and still be outside ASCII: "中")
          const f = t.slice(start, i);
          phrase.push({ s: f, f, a: high });
        } else {
          const f = String.fromCharCode.apply(null, buf.subarray(0, len) as never);
          const s = t.slice(start, i);
          const lower = s === f ? f : s.toLowerCase();
          // The regex only where a unit is outside ASCII (lower case can bring one back).
          phrase.push({ s: lower, f, a: high && NON_ASCII.test(lower) });
        }
        start = -1;
        len = 0;
        same = true;
        high = false;
      }
      if (v === FOLD_BREAK && phrase.length) {
        phrases.push(phrase);
        phrase = [];
      }
      continue;
    }
    if (start < 0) start = i;
    if (v !== code) same = false;
    if (code > 0x7e) high = true;
    buf[len++] = v;
  }
  return phrases;
}

/** The words of a text, abbreviations expanded, stop words flagged. */
export function findWords(text: string): FoundWords {
  const raw = tokens(text);
  let accentedTokens = 0;
  let viHits = 0;
  let count = 0;
  let englishHits = 0;
  const phrases: Token[][] = raw.map((p) => {
    const out: Token[] = [];
    for (const tok of p) {
      const full = expandAbbreviation(tok.s);
      if (full) {
        viHits += 2;
        for (const e of expanded(full)) out.push(e);
        continue;
      }
      if (tok.a && tok.s !== tok.f) accentedTokens++;
      if (tok.f !== "") count++;
      if (VI_SYLLABLES.has(tok.f)) viHits++;
      else if (!tok.a && STOP_EN.has(tok.s)) englishHits++;
      out.push(tok);
    }
    return out;
  });
  // One loan word ("café") does not make English text Vietnamese, nor does
  // a Vietnamese place or product named in an English note ("… at Khu điện
  // thoại for about 5 minutes"): English function words that outnumber the
  // accented syllables say the sentence is English. Its accented words are
  // still found whole (and Vietnamese stop words among them dropped).
  const accented = accentedTokens >= 2 || (accentedTokens === 1 && count <= 3);
  const english = englishHits >= 2 && englishHits >= accentedTokens;
  const script: Script =
    accented && !english
      ? "vi"
      : accented || viHits * 2 < count || viHits === 0
        ? "en"
        : "vi-plain";
  const plain = script === "vi-plain";
  const lookup = script !== "en" || accented;
  return {
    script,
    phrases: phrases.map((p) => {
      const units: Unit[] = [];
      for (let i = 0; i < p.length; ) {
        const tok = p[i] as Token;
        let text: string | undefined;
        let len = 1;
        if (
          lookup &&
          i + 1 < p.length &&
          (plain ? FIRST_FOLDED : FIRST).has(plain ? tok.f : tok.s)
        ) {
          // Longest listed word first: keys for 2..LONGEST syllables.
          let key = plain ? tok.f : tok.s;
          const keys: string[] = [];
          for (let k = 1; k < LONGEST && i + k < p.length; k++) {
            const next = p[i + k] as Token;
            key = `${key} ${plain ? next.f : next.s}`;
            keys.push(key);
          }
          for (let k = keys.length - 1; k >= 0; k--) {
            const hit = plain
              ? FOLDED.get(keys[k] as string)
              : WORDS.has(keys[k] as string)
                ? keys[k]
                : undefined;
            if (hit !== undefined) {
              text = hit;
              len = k + 2;
              break;
            }
          }
        }
        i += len;
        if (text === undefined) {
          if (tok.f.length < 2) {
            units.push({ text: tok.s, stop: true });
            continue;
          }
          // No stemming: a title shows words as members wrote them.
          text = tok.s;
        }
        const hasAccent = len === 1 ? tok.a : NON_ASCII.test(text);
        const stop =
          isStopWord(text, hasAccent, script !== "en") || (script === "vi" && STOP_VI.has(text));
        units.push({ text, stop });
      }
      return units;
    }),
  };
}
