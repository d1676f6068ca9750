// Where the query's words matched, for the timeline's highlighting: ranges
// [start, end) in the text as sent (UTF-16 units), found by folding the text
// unit by unit exactly as the search text is folded (shared/src/text/fold.ts),
// so a word marks what it matched: "gia" marks "Giá" in "Giá rẻ".

import type { TimelineMark } from "@sightline/shared";
import { FOLD_BREAK, FOLD_MARK, FOLD_SEP, foldUnit } from "@sightline/shared/text/fold";

/** Ranges of `text` where any of the folded `words` occurs, sorted and merged. */
export function markWords(text: string, words: readonly string[]): TimelineMark[] {
  let folded = "";
  const at: number[] = []; // folded unit → index in text
  let gap = false;
  for (let i = 0; i < text.length; i++) {
    const v = foldUnit(text.charCodeAt(i));
    if (v === FOLD_MARK) continue; // an accent written apart: folded into the letter before
    if (v === FOLD_SEP || v === FOLD_BREAK) {
      gap = folded.length > 0;
      continue;
    }
    if (gap) {
      folded += " ";
      at.push(i);
      gap = false;
    }
    folded += String.fromCharCode(v);
    at.push(i);
  }
  const ranges: TimelineMark[] = [];
  for (const w of words) {
    if (!w) continue;
    let from = folded.indexOf(w);
    while (from >= 0) {
      const last = from + w.length - 1;
      let end = (at[last] ?? text.length - 1) + 1;
      // Keep accents written apart with the letter they sit on.
      while (end < text.length && foldUnit(text.charCodeAt(end)) === FOLD_MARK) end++;
      ranges.push([at[from] ?? 0, end]);
      from = folded.indexOf(w, from + w.length);
    }
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: TimelineMark[] = [];
  for (const r of ranges) {
    const prev = merged.at(-1);
    if (prev && r[0] <= prev[1]) prev[1] = Math.max(prev[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

/** Marks per field of an observation view (only fields with a match). */
export function markFields(
  view: Readonly<Record<string, unknown>>,
  fields: readonly string[],
  words: readonly string[],
): Record<string, TimelineMark[]> {
  const out: Record<string, TimelineMark[]> = {};
  const add = (name: string, value: unknown) => {
    if (typeof value !== "string" || !value) return;
    const m = markWords(value, words);
    if (m.length) out[name] = m;
  };
  for (const f of fields) add(f, view[f]);
  if (Array.isArray(view.tags)) {
    for (const [i, t] of view.tags.entries()) add(`tags.${i}`, t);
  }
  const evidence = view.evidence as { quote?: unknown } | undefined;
  add("evidence.quote", evidence?.quote);
  add("storeName", view.storeName);
  add("competitorName", view.competitorName);
  return out;
}
