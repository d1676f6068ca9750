// A suggestion's title as a short statement taken from its members' own
// words ("Pin nhanh hết, máy nóng khi chơi game"), not a list of keywords.
// Extractive on purpose: every word shown was written by someone in the
// topic, in the order they wrote it, so a title can be wrong only by being
// unrepresentative, never by saying something nobody said. The clause is
// chosen by how many of the topic's distinctive terms (suggest.ts
// `distinctive`) it holds, how near its writer sits to the topic's centre
// and how short it is; a second clause from another member may add what
// the first did not say. Runs only for the suggestions returned (≤ 12 × 40
// texts), so it costs nothing at journal scale. docs/suggestions.md
// "What a suggestion says".
import { findWords, type Unit } from "@sightline/shared/text/words";

export type HeadlineMember = {
  text: string;
  /** Cosine to the topic's centre (0..1). */
  closeness: number;
};

export type HeadlineOptions = {
  /** Most words (Vietnamese words count once, whatever their syllables) in one clause. */
  maxWords?: number;
  /** Most syllables in one clause. */
  maxSyllables?: number;
  /** Members looked at, nearest the centre first. */
  candidates?: number;
  /** Syllables already said elsewhere in the title (lower case): never said again. */
  avoid?: ReadonlySet<string>;
};

type Window = {
  units: string[];
  /** Term keys held (words "_"-joined, pairs spaced), for the second clause's gain. */
  terms: Set<string>;
  gain: number;
  /** Ends that fall inside a clause (0..2). */
  cuts: number;
  score: number;
};

/** What a clause cut inside costs, against a topic word's weight (the strongest weighs 1). */
const CUT = 0.2;
/** What each word outside the topic's own costs (it dilutes the title). */
const OTHER = 0.2;

const termOf = (u: Unit) => (u.text.includes(" ") ? u.text.replaceAll(" ", "_") : u.text);

/**
 * The best windows of one text: runs of whole words inside one clause
 * (between punctuation) that begin and end on a content word, hold at least
 * two of the topic's words and repeat none.
 */
function windowsOf(
  text: string,
  weights: ReadonlyMap<string, number>,
  closeness: number,
  o: Required<HeadlineOptions>,
  skipPlain: boolean,
): Window[] {
  const found = findWords(text);
  // Text typed without accents is left out when members wrote the topic with them.
  if (skipPlain && found.script === "vi-plain") return [];
  const factor = 0.6 + 0.4 * Math.max(0, Math.min(1, closeness));
  const out: Window[] = [];
  // A number ends a run of words (the parse keeps no digits: "2 tuần" reads
  // "tuần"), so a clause never spans one; an end a number cut counts as a
  // cut ("[2] tuần mà pin tụt nhanh" is the end of a sentence, not a statement).
  const clauses: Array<{ units: Unit[]; open: boolean; close: boolean }> = [];
  for (const phrase of found.phrases) {
    let run: Unit[] = [];
    let open = false;
    for (const u of phrase) {
      if (u.text === "") {
        if (run.length) clauses.push({ units: run, open, close: true });
        run = [];
        open = true;
      } else run.push(u);
    }
    if (run.length) clauses.push({ units: run, open, close: false });
  }
  for (const clause of clauses) {
    const units = clause.units;
    const keys = units.map(termOf);
    const firstContent = clause.open ? -1 : units.findIndex((u) => !u.stop);
    let lastContent = units.length - 1;
    while (lastContent >= 0 && (units[lastContent] as Unit).stop) lastContent--;
    if (clause.close) lastContent = units.length;
    for (let a = 0; a < units.length; a++) {
      if ((units[a] as Unit).stop) continue;
      let syllables = 0;
      for (let b = a; b < units.length && b - a < o.maxWords; b++) {
        syllables += (units[b] as Unit).text.split(" ").length;
        if (syllables > o.maxSyllables) break;
        if ((units[b] as Unit).stop) continue;
        const terms = new Set<string>();
        let gain = 0;
        let words = 0;
        let other = 0;
        let repeated = false;
        const seen = new Set<string>();
        for (let i = a; i <= b; i++) {
          const u = units[i] as Unit;
          // Syllables, not words: "cửa hàng chưa có hàng" says "hàng" twice.
          for (const x of u.text.split(" ")) {
            if (seen.has(x) || o.avoid.has(x)) repeated = true;
            seen.add(x);
          }
          if (u.stop) continue;
          const k = keys[i] as string;
          const w = weights.get(k);
          if (w === undefined) other++;
          else if (!terms.has(k)) {
            terms.add(k);
            gain += w;
            words++;
          }
          const prev = units[i - 1];
          if (i > a && prev && !prev.stop) {
            const pair = `${keys[i - 1]} ${k}`;
            const pw = weights.get(pair);
            if (pw !== undefined && !terms.has(pair)) {
              terms.add(pair);
              gain += pw;
            }
          }
        }
        if (repeated || words < 2) continue;
        const length = b - a + 1;
        // A clause said whole reads as a statement; one cut inside reads as a fragment.
        const cuts = Number(a > firstContent) + Number(b < lastContent);
        out.push({
          units: units.slice(a, b + 1).map((u) => u.text),
          terms,
          gain,
          cuts,
          score: gain * factor - OTHER * other - 0.03 * Math.max(0, length - 3) - CUT * cuts,
        });
      }
    }
  }
  return out;
}

/**
 * One or two clauses, or null when no member says two of the topic's words
 * together (the caller falls back to keyword phrases). `weights`: term key →
 * weight, the topic's most distinctive terms.
 */
export function headline(
  members: readonly HeadlineMember[],
  weights: ReadonlyMap<string, number>,
  options: HeadlineOptions = {},
): string[] | null {
  const o: Required<HeadlineOptions> = {
    maxWords: options.maxWords ?? 8,
    maxSyllables: options.maxSyllables ?? 10,
    candidates: options.candidates ?? 40,
    avoid: options.avoid ?? new Set(),
  };
  const all: Window[] = [];
  const seenTexts = new Set<string>();
  // Texts typed without accents are taken only when no accented one says it as well.
  const accented = members.some((m) => /[\u00c0-\u1ef9]/.test(m.text));
  for (const m of members.slice(0, o.candidates)) {
    if (seenTexts.has(m.text)) continue;
    seenTexts.add(m.text);
    all.push(...windowsOf(m.text, weights, m.closeness, o, accented));
  }
  if (all.length === 0) return null;
  const order = (a: Window, b: Window) =>
    b.score - a.score ||
    a.units.length - b.units.length ||
    (a.units.join(" ") < b.units.join(" ") ? -1 : 1);
  all.sort(order);
  const first = all[0] as Window;
  // A second clause must add the topic's words the first did not hold, and
  // share no word with it (a title never says a word twice).
  const firstWords = new Set(first.units.flatMap((u) => u.split(" ")));
  let second: Window | null = null;
  let best = 0;
  for (const w of all) {
    if (w.cuts > 0 || w.units.some((u) => u.split(" ").some((s) => firstWords.has(s)))) continue;
    if (first.units.length + w.units.length > o.maxWords + 2) continue;
    let gain = 0;
    for (const k of w.terms) if (!first.terms.has(k)) gain += weights.get(k) ?? 0;
    const score = gain - 0.06 * Math.max(0, w.units.length - 3);
    if (gain >= 0.4 * first.gain && score > best) {
      best = score;
      second = w;
    }
  }
  return second ? [first.units.join(" "), second.units.join(" ")] : [first.units.join(" ")];
}
