// Tokens for text similarity: folded words (shared/src/text) without stop words,
// numbers or one-letter words, plus bigrams of adjacent kept words, since
// Vietnamese words are often two syllables ("giảm giá", "nhân viên") and a
// folded syllable alone is ambiguous ("gia" is both "giá" and "gia").
import { type Word, words } from "@sightline/shared/text/tokenise";
import { STOP_WORDS } from "./stop-words.ts";

export type Token = {
  /** Folded form, the matching key: "giam gia". */
  term: string;
  /** Lower-case NFC form as written, for display: "giảm giá". */
  surface: string;
};

/** Whether a folded word is kept as a term. */
export function isTermWord(w: string): boolean {
  if (w.length < 2) return false;
  const first = w.charCodeAt(0);
  return !(first >= 0x30 && first <= 0x39) && !STOP_WORDS.has(w);
}

/** Unigrams and bigrams of one text, in order; folded terms with their surface form. */
export function tokenise(text: string): Token[] {
  const ws = words(text);
  const out: Token[] = [];
  for (let i = 0; i < ws.length; i++) {
    const w = ws[i] as Word;
    if (!isTermWord(w.folded)) continue;
    out.push({ term: w.folded, surface: w.surface });
    const next = ws[i + 1];
    if (!w.end && next && isTermWord(next.folded)) {
      out.push({ term: `${w.folded} ${next.folded}`, surface: `${w.surface} ${next.surface}` });
    }
  }
  return out;
}

/** Folded terms only, same as tokenise() without surface forms. */
export function terms(text: string): string[] {
  return tokenise(text).map((t) => t.term);
}
