// Tokens for text similarity: folded words (fold.ts) without stop words,
// numbers or one-letter words, plus bigrams of adjacent kept words, since
// Vietnamese words are often two syllables ("giảm giá", "nhân viên") and a
// folded syllable alone is ambiguous ("gia" is both "giá" and "gia").
import { foldChar } from "./fold.ts";
import { STOP_WORDS } from "./stop-words.ts";

export type Token = {
  /** Folded form, the matching key: "giam gia". */
  term: string;
  /** Lower-case NFC form as first written, for display: "giảm giá". */
  surface: string;
};

type Word = { folded: string; surface: string; kept: boolean };

function words(text: string): Word[] {
  const t = text.normalize("NFC");
  const out: Word[] = [];
  let folded = "";
  let start = -1;
  const flush = (end: number) => {
    if (start < 0) return;
    const first = folded.charCodeAt(0);
    const numeric = first >= 0x30 && first <= 0x39;
    const kept = folded.length > 1 && !numeric && !STOP_WORDS.has(folded);
    out.push({ folded, surface: t.slice(start, end).toLowerCase(), kept });
    folded = "";
    start = -1;
  };
  for (let i = 0; i < t.length; i++) {
    const f = foldChar(t.charCodeAt(i));
    if (f === "") {
      flush(i);
      continue;
    }
    if (start < 0) start = i;
    folded += f;
  }
  flush(t.length);
  return out;
}

/** Unigrams and bigrams of one text, in order; folded terms with their surface form. */
export function tokenise(text: string): Token[] {
  const ws = words(text);
  const out: Token[] = [];
  for (let i = 0; i < ws.length; i++) {
    const w = ws[i] as Word;
    if (!w.kept) continue;
    out.push({ term: w.folded, surface: w.surface });
    const next = ws[i + 1];
    if (next?.kept) {
      out.push({ term: `${w.folded} ${next.folded}`, surface: `${w.surface} ${next.surface}` });
    }
  }
  return out;
}

/** Folded terms only (no surface forms); what TF-IDF needs. */
export function terms(text: string): string[] {
  return tokenise(text).map((t) => t.term);
}
