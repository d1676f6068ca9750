// Words of a text as the house matches them: each folded (fold.ts) with its
// surface form, split where fold.ts puts a separator. Suggestions build
// their terms from words() and the web filter splits a query with
// queryWords(), so both cut a text where foldText() puts its spaces.
import { FOLD_BREAK, FOLD_MARK, FOLD_SEP, foldText, foldUnit } from "./fold.ts";

/** A word; `end` when punctuation follows it, so no bigram joins it to the next. */
export type Word = { folded: string; surface: string; end: boolean };

/** Every word of a text (stop words too), in order. */
export function words(text: string): Word[] {
  const t = text.normalize("NFC");
  const out: Word[] = [];
  let folded = "";
  let start = -1;
  const flush = (end: number) => {
    if (start < 0) return;
    out.push({ folded, surface: t.slice(start, end).toLowerCase(), end: false });
    folded = "";
    start = -1;
  };
  for (let i = 0; i < t.length; i++) {
    const v = foldUnit(t.charCodeAt(i));
    if (v === FOLD_MARK) continue; // left standing by NFC: folded away (fold.ts foldUnit)
    if (v === FOLD_SEP || v === FOLD_BREAK) {
      flush(i);
      const last = out[out.length - 1];
      if (v === FOLD_BREAK && last) last.end = true;
      continue;
    }
    if (start < 0) start = i;
    folded += String.fromCharCode(v);
  }
  flush(t.length);
  return out;
}

/** The folded words of a query, in order: foldText() split at its spaces. */
export function queryWords(text: string): string[] {
  const folded = foldText(text);
  return folded ? folded.split(" ") : [];
}
