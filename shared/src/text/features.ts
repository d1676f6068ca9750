// The text features of an observation, computed once when it is written
// (push, import, edit) and stored beside the row, so suggestions never
// tokenise a journal again: its words (words.ts: Vietnamese words whole,
// abbreviations expanded, accents kept, stop words out) and the pairs of
// adjacent words, each with its count — a sparse term vector. Encoded as one
// short string: `<version>|<script>|term|term*2|…`; a term is a word with
// "_" between its syllables ("sản_phẩm"), a pair two such words spaced
// ("pin nhanh_hết"). A web or event text that speaks of a price cut or a
// claim carries `!1`, `!2` or `!3` after the script (change-words.ts; "!"
// is never part of a word).
import { changeKindOf } from "./change-words.ts";
import { findWords, type Script } from "./words.ts";

/** Raise when the words found for a text change: stored features of older versions are recomputed. */
export const TEXT_FEATURES_VERSION = "f2";

export type TextFeatures = {
  script: Script;
  terms: string[];
  counts: number[];
  /** Of a web or event text: 1 it speaks of a price cut, 2 of a claim, 3 both (else 0 or absent). */
  change?: number;
};

/** The texts of an observation that say what it is about. */
export function featureText(fields: Record<string, unknown>): string {
  const what = typeof fields.what === "string" ? fields.what : "";
  const why = typeof fields.why === "string" ? fields.why : "";
  const ev = fields.evidence as { quote?: unknown } | undefined;
  const quote = typeof ev?.quote === "string" && ev.quote !== what ? ev.quote : "";
  return why || quote ? [what, why, quote].filter(Boolean).join("\n") : what;
}

/** Features of one text. */
export function textFeatures(text: string): TextFeatures {
  const found = findWords(text);
  const at = new Map<string, number>();
  const terms: string[] = [];
  const counts: number[] = [];
  const add = (t: string) => {
    const j = at.get(t);
    if (j === undefined) {
      at.set(t, terms.length);
      terms.push(t);
      counts.push(1);
    } else counts[j] = (counts[j] as number) + 1;
  };
  for (const phrase of found.phrases) {
    let prev: string | null = null;
    for (const u of phrase) {
      if (u.stop) {
        prev = null;
        continue;
      }
      const t = u.text.includes(" ") ? u.text.replaceAll(" ", "_") : u.text;
      add(t);
      if (prev !== null) add(`${prev} ${t}`);
      prev = t;
    }
  }
  return { script: found.script, terms, counts };
}

/**
 * The stored form, as one flat string: joined, not appended piece by piece
 * (an appended string is a chain of pieces, and 100,000 of them kept for
 * the write made the garbage collector the costliest step of featurising).
 */
export function encodeFeatures(f: TextFeatures): string {
  const head = f.change ? 3 : 2;
  const parts: string[] = new Array(f.terms.length + head);
  parts[0] = TEXT_FEATURES_VERSION;
  parts[1] = f.script;
  if (f.change) parts[2] = `!${f.change}`;
  for (let j = 0; j < f.terms.length; j++) {
    const n = f.counts[j] as number;
    parts[j + head] = n === 1 ? (f.terms[j] as string) : `${f.terms[j]}*${n}`;
  }
  return parts.join("|");
}

/** The stored features of an observation's fields. */
export function observationFeatures(fields: Record<string, unknown>): string {
  const text = featureText(fields);
  const f = textFeatures(text);
  // Competitor changes are looked for in captures only (web, event).
  if (fields.channel === "web" || fields.channel === "event") f.change = changeKindOf(text);
  return encodeFeatures(f);
}

/** Features read back; null when missing or written by another version (recompute them). */
export function decodeFeatures(s: string | null | undefined): TextFeatures | null {
  if (typeof s !== "string" || !s.startsWith(`${TEXT_FEATURES_VERSION}|`)) return null;
  const parts = s.split("|");
  const script = parts[1] as Script;
  const terms: string[] = [];
  const counts: number[] = [];
  const flagged = parts[2]?.startsWith("!") === true;
  const flag = flagged ? Number(parts[2]?.slice(1)) || 0 : 0;
  for (let j = flagged ? 3 : 2; j < parts.length; j++) {
    const p = parts[j] as string;
    const star = p.lastIndexOf("*");
    if (star > 0) {
      terms.push(p.slice(0, star));
      counts.push(Number(p.slice(star + 1)) || 1);
    } else {
      terms.push(p);
      counts.push(1);
    }
  }
  return flag ? { script, terms, counts, change: flag } : { script, terms, counts };
}
