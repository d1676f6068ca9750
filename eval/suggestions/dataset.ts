// The labelled evaluation set for suggested insights (issue 16): loading and
// validation. The data lives in eval/suggestions/data/<domain>.jsonl, one
// observation per line; README.md describes the format and the rules. The
// scorer imports `loadEvalSet()`; `summarise.ts` validates and counts.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import {
  CHANNEL_CODES,
  type Channel,
  DEFAULT_BEHAVIOURS,
  NEED_CODES,
  type NeedCode,
} from "@sightline/shared";

export const DATA_DIR = join(import.meta.dirname, "data");

/** Domains whose every text is `heldout`: nothing may be tuned to them. */
export const HELD_OUT_DOMAINS = ["banking", "telecom"] as const;

/** The topic code of off-topic lines a good system leaves out of every suggestion. */
export const NOISE = "noise";

export const SPLITS = ["dev", "heldout"] as const;
export type Split = (typeof SPLITS)[number];
export const LANGS = ["vi", "en"] as const;
export type Lang = (typeof LANGS)[number];

/**
 * Feedback reason codes used in the set (a store configures its own reasons;
 * these are the ones the set's kiosks were set up with), each with its need.
 */
export const REASONS: Readonly<Record<string, NeedCode>> = {
  "too-pricey": "price",
  "good-value": "price",
  "long-wait": "efficiency",
  "helpful-staff": "empathy",
  "unfriendly-staff": "empathy",
  "out-of-stock": "access",
  "unclear-offer": "clarity",
  "wrong-price": "transparency",
  "product-fault": "reliability",
  "poor-quality": "performance",
  "good-product": "function",
  "app-problem": "performance",
  "hard-to-find": "convenience",
  "not-clean": "experience",
  "nice-space": "experience",
  "payment-problem": "options",
};

export interface EvalRow {
  id: string;
  domain: string;
  split: Split;
  /** Topic code within the domain, or "noise". */
  topic: string;
  /** The topic's main need; null for noise. */
  need: NeedCode | null;
  lang: Lang;
  channel: Channel;
  /** Import rows only: where the file came from (survey, crm, call-centre, app-reviews…). */
  source?: string;
  /** Store rows only: the kiosk behaviour the staff member tapped. */
  behaviour?: string;
  /** Feedback rows only: 1 (worst) … 4 (best). */
  rating?: number;
  /** Feedback rows only: reason codes the customer tapped. */
  reasons?: string[];
  text: string;
}

export interface Problem {
  file: string;
  line: number;
  message: string;
}

const KEYS = [
  "id",
  "domain",
  "split",
  "topic",
  "need",
  "lang",
  "channel",
  "source",
  "behaviour",
  "rating",
  "reasons",
  "text",
] as const;
const CODE = /^[a-z0-9][a-z0-9-]*$/;
// C0/C1 controls, lone surrogates and other characters no observation text may hold.
const BAD_CHAR = /\p{Cc}|\p{Cs}|[\u2028\u2029\ufffe\uffff]/u;
const TEXT_MIN = 3;
const TEXT_MAX = 600;

/** Code points of the NFC form: what the product would store. */
export function textLength(text: string): number {
  return [...text.normalize("NFC")].length;
}

/** The form two texts are compared in for duplicates. */
export function duplicateKey(text: string): string {
  return text.normalize("NFC").toLowerCase().replace(/\s+/gu, " ").trim();
}

/** True when a text carries no Vietnamese diacritic (typed without accents, or English). */
export function withoutDiacritics(text: string): boolean {
  return !/[\u0300-\u036fđĐ]/u.test(text.normalize("NFD"));
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

function checkRow(raw: unknown, domain: string, say: (message: string) => void): EvalRow | null {
  if (!isObject(raw)) {
    say("not a JSON object");
    return null;
  }
  let count = 0;
  const bad = (message: string) => {
    count++;
    say(message);
  };
  for (const key of Object.keys(raw)) {
    if (!(KEYS as readonly string[]).includes(key)) bad(`unknown field "${key}"`);
  }
  const { id, split, topic, need, lang, channel, source, behaviour, rating, reasons, text } = raw;
  if (typeof id !== "string" || !CODE.test(id) || !id.startsWith(`${domain}-`)) {
    bad(`id must be a code starting with "${domain}-"`);
  }
  if (raw.domain !== domain) bad(`domain must be "${domain}" (the file's name)`);
  if (!SPLITS.includes(split as Split)) bad(`split must be one of ${SPLITS.join("|")}`);
  if (typeof topic !== "string" || !CODE.test(topic)) bad("topic must be a code (a-z, 0-9, -)");
  if (topic === NOISE) {
    if (need !== null) bad("need must be null for noise");
  } else if (!NEED_CODES.includes(need as NeedCode)) {
    bad(`need must be one of the 16 need codes (got ${JSON.stringify(need)})`);
  }
  if (!LANGS.includes(lang as Lang)) bad(`lang must be one of ${LANGS.join("|")}`);
  if (!CHANNEL_CODES.includes(channel as Channel)) {
    bad(`channel must be one of ${CHANNEL_CODES.join("|")}`);
  }
  if (channel === "import") {
    if (typeof source !== "string" || !CODE.test(source)) bad("import rows need a source code");
  } else if (source !== undefined) bad("source is for import rows only");
  if (behaviour !== undefined) {
    if (channel !== "store") bad("behaviour is for store rows only");
    if (typeof behaviour !== "string" || !Object.hasOwn(DEFAULT_BEHAVIOURS, behaviour)) {
      bad(`unknown behaviour ${JSON.stringify(behaviour)}`);
    }
  }
  if (channel === "feedback") {
    if (typeof rating !== "number" || !Number.isInteger(rating) || rating < 1 || rating > 4) {
      bad("feedback rows need an integer rating 1..4");
    }
  } else if (rating !== undefined) bad("rating is for feedback rows only");
  if (reasons !== undefined) {
    if (channel !== "feedback") bad("reasons are for feedback rows only");
    if (
      !Array.isArray(reasons) ||
      reasons.length === 0 ||
      new Set(reasons).size !== reasons.length ||
      reasons.some((r) => typeof r !== "string" || !Object.hasOwn(REASONS, r))
    ) {
      bad(`reasons must be distinct known reason codes (got ${JSON.stringify(reasons)})`);
    }
  }
  if (typeof text !== "string") bad("text must be a string");
  else {
    const length = textLength(text);
    if (length < TEXT_MIN || length > TEXT_MAX) {
      bad(`text must hold ${TEXT_MIN}..${TEXT_MAX} characters (has ${length})`);
    }
    if (text !== text.trim()) bad("text has leading or trailing white space");
    if (BAD_CHAR.test(text)) bad("text holds a control character, line break or lone surrogate");
  }
  return count === 0 ? (raw as unknown as EvalRow) : null;
}

export interface LoadResult {
  rows: EvalRow[];
  problems: Problem[];
  /** The domains, from the file names, sorted. */
  domains: string[];
}

/** Reads and validates every data file; rows with problems are left out of `rows`. */
export function readEvalSet(dir: string = DATA_DIR): LoadResult {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".jsonl"))
    .sort();
  const rows: EvalRow[] = [];
  const problems: Problem[] = [];
  const ids = new Map<string, string>();
  const texts = new Map<string, string>();
  const domains: string[] = [];
  for (const file of files) {
    const domain = file.slice(0, -".jsonl".length);
    domains.push(domain);
    if (!CODE.test(domain)) problems.push({ file, line: 0, message: "file name is not a code" });
    const content = readFileSync(join(dir, file), "utf8");
    if (!content.endsWith("\n")) problems.push({ file, line: 0, message: "no final line break" });
    const lines = content.split("\n");
    if (lines.at(-1) === "") lines.pop();
    lines.forEach((source, i) => {
      const line = i + 1;
      const say = (message: string) => problems.push({ file, line, message });
      let raw: unknown;
      try {
        raw = JSON.parse(source);
      } catch {
        say("not valid JSON");
        return;
      }
      const row = checkRow(raw, domain, say);
      const where = `${file}:${line}`;
      const { id, text } = isObject(raw) ? raw : {};
      let duplicate = false;
      if (typeof id === "string") {
        const seen = ids.get(id);
        if (seen) say(`duplicate id ${id} (also ${seen})`);
        else ids.set(id, where);
        duplicate ||= seen !== undefined;
      }
      if (typeof text === "string") {
        const key = duplicateKey(text);
        const seen = texts.get(key);
        if (seen) say(`duplicate text (also ${seen})`);
        else texts.set(key, where);
        duplicate ||= seen !== undefined;
      }
      if (row && !duplicate) rows.push(row);
    });
  }
  problems.push(...checkShape(rows, domains));
  return { rows, problems, domains };
}

/**
 * The promises the README makes about the set as a whole: topic sizes,
 * corroboration, one need per topic, the split.
 */
function checkShape(rows: EvalRow[], domains: string[]): Problem[] {
  const problems: Problem[] = [];
  const say = (file: string, message: string) => problems.push({ file, line: 0, message });
  if (domains.length < 6) say("data", `at least 6 domains expected, found ${domains.length}`);
  for (const held of HELD_OUT_DOMAINS) {
    if (!domains.includes(held)) say("data", `held-out domain ${held} has no file`);
  }
  for (const domain of domains) {
    const file = `${domain}.jsonl`;
    const inDomain = rows.filter((r) => r.domain === domain);
    const held = (HELD_OUT_DOMAINS as readonly string[]).includes(domain);
    const topics = [...new Set(inDomain.map((r) => r.topic))].filter((t) => t !== NOISE);
    if (topics.length < 6 || topics.length > 10) {
      say(file, `6..10 topics expected, found ${topics.length}`);
    }
    for (const topic of topics) {
      const members = inDomain.filter((r) => r.topic === topic);
      const needs = new Set(members.map((r) => r.need));
      if (needs.size !== 1) say(file, `topic ${topic} carries ${needs.size} needs, one expected`);
      if (members.length < 25 || members.length > 45) {
        say(file, `topic ${topic} has ${members.length} texts, 25..45 expected`);
      }
      const channels = new Set(members.map((r) => r.channel));
      if (channels.size < 2 || channels.size > 4) {
        say(file, `topic ${topic} comes from ${channels.size} channels, 2..4 expected`);
      }
    }
    for (const topic of [...topics, NOISE]) {
      const members = inDomain.filter((r) => r.topic === topic);
      const dev = members.filter((r) => r.split === "dev").length;
      if (held && dev > 0) say(file, `held-out domain has ${dev} dev rows in ${topic}`);
      if (!held && members.length > 0) {
        const share = dev / members.length;
        if (share < 0.3 || share > 0.5) {
          say(file, `topic ${topic}: ${Math.round(share * 100)} % dev, 30..50 % expected`);
        }
      }
    }
  }
  return problems;
}

/** The validated set; throws when any line or promise is broken. */
export function loadEvalSet(dir: string = DATA_DIR): EvalRow[] {
  const { rows, problems } = readEvalSet(dir);
  if (problems.length > 0) {
    const first = problems
      .slice(0, 5)
      .map((p) => `${p.file}:${p.line}: ${p.message}`)
      .join("\n");
    throw new Error(`evaluation set has ${problems.length} problem(s):\n${first}`);
  }
  return rows;
}
