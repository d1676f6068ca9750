// GET /v1/journals/:id/suggestions, storage-free: features (featurise.ts,
// from what was stored at write time), topics (topics.ts) and time links
// (time-links.ts), each turned into the docs/http-api.md "Journals" shape
// {title, needs, observationIds, channels, score, why}. No network, no
// model: the same input gives the same suggestions. docs/suggestions.md
// explains the choices and how they are measured.
import {
  type Channel,
  createTranslator,
  DEFAULT_BEHAVIOURS,
  type Locale,
  NEED_CODES,
  NEEDS,
  type NeedCode,
} from "@sightline/shared";
import { insightsCatalog } from "../catalog.ts";
import { type Featured, type FeatureSet, type FeaturiseOptions, featurise } from "./featurise.ts";
import { type HeadlineMember, headline } from "./headline.ts";
import type { SuggestObservation } from "./observation.ts";
import {
  findTimeLinks,
  TIME_LINK_WINDOW_DAYS,
  type TimeLink,
  type TimeLinkSignal,
} from "./time-links.ts";
import { findTopics, type Topic, type TopicOptions } from "./topics.ts";

export type Label = { vi: string; en: string };

export type SuggestOptions = TopicOptions &
  Pick<FeaturiseOptions, "pairWeight" | "codeWeight" | "needWeight" | "maxTerms"> & {
    locale?: Locale;
    /** Suggestions returned (default 12). */
    limit?: number;
    /** Store reason code → need. */
    reasonNeeds?: ReadonlyMap<string, NeedCode>;
    /** Store behaviour labels (override the defaults). */
    behaviourLabels?: ReadonlyMap<string, Label>;
    competitorNames?: ReadonlyMap<string, string>;
    timeLinks?: number;
    /**
     * "statements" (default): a clause or two from the members' own words
     * (headline.ts); "keywords": up to three distinctive phrases (the
     * evaluation compares both).
     */
    titles?: "statements" | "keywords";
  };

export type Quote = { observationId: string; channel: Channel; text: string };

export type ThemeWhy = {
  kind: "theme";
  key: { type: "need" | "behaviour" | "tag" | "term"; code: string };
  observations: number;
  shown: number;
  channels: Record<string, number>;
  dataTypes: Record<string, number>;
  needs: Record<string, { tagged: number; inferred: number }>;
  /** Distinctive words and phrases of the topic, most distinctive first. */
  topTerms: string[];
  coherence: number;
  from: string | null;
  to: string | null;
  days: number;
  /** The title's phrases per language (whole words of the members' texts). */
  phrases: { vi: string[]; en: string[] };
  /** Members nearest the topic's centre, one per kind of data first. */
  quotes: Quote[];
  /** The topic rests on one kind of data only: never ranked above one that spans two. */
  oneSource: boolean;
};

export type TimeLinkWhy = {
  kind: "time-link";
  windowDays: number;
  change: {
    kind: "price" | "claim";
    competitorId: string;
    competitor: string;
    at: string;
    price?: { from: number; to: number; currency: string; pct: number };
    observationIds: string[];
  };
  signals: TimeLinkSignal[];
};

export type Suggestion = {
  kind: "theme" | "time-link";
  title: string;
  needs: NeedCode[];
  observationIds: string[];
  channels: Channel[];
  score: number;
  why: ThemeWhy | TimeLinkWhy;
};

export type Suggestions = { suggestions: Suggestion[]; timeLinks: Suggestion[] };

export function suggest(
  observations: readonly SuggestObservation[],
  options: SuggestOptions = {},
): Suggestions {
  const features = featurise(observations, options);
  const ctx: Ctx = {
    ...options,
    locale: options.locale ?? "vi",
    features,
    items: features.items,
    ids: observations.map((o) => o.id),
  };
  // Ranked first from counts alone; only the suggestions returned are
  // described (titles, quotes, ids), the rest cost nothing more.
  const topics = findTopics(features, options)
    .map((t) => rank(t, ctx))
    .sort(
      (a, b) =>
        Number(b.types >= 2) - Number(a.types >= 2) || b.score - a.score || a.first - b.first,
    )
    .slice(0, Math.max(0, options.limit ?? 12))
    .map((r) => describe(r.topic, ctx));
  const links = findTimeLinks(features, { limit: options.timeLinks ?? 5 });
  return {
    suggestions: topics,
    timeLinks: links.map((l) => fromTimeLink(l, ctx)),
  };
}

type Ctx = SuggestOptions & {
  locale: Locale;
  features: FeatureSet;
  items: Featured[];
  /** Each item's observation id, in order (read for every member). */
  ids: string[];
};

const iso = (ms: number) => (Number.isFinite(ms) ? new Date(ms).toISOString() : null);
const round2 = (x: number) => Math.round(x * 100) / 100;

function channelsOf(ids: number[], items: Featured[]): Channel[] {
  return [...new Set(ids.map((i) => (items[i] as Featured).channel))].sort();
}

function behaviourLabel(code: string, ctx: Ctx): string {
  const l =
    ctx.behaviourLabels?.get(code) ?? DEFAULT_BEHAVIOURS[code as keyof typeof DEFAULT_BEHAVIOURS];
  return l ? l[ctx.locale] : code;
}

/** A term as people read it: "pin nhanh_hết" → "pin nhanh hết". */
export const display = (term: string) => term.replaceAll("_", " ");

type Scored = { id: number; inTopic: number; score: number };

/**
 * Words and pairs that set a topic apart: frequent among its members and
 * rarer in the journal (lift), weighted by how many members hold them.
 * Codes are left out (they are not words of any text).
 */
function distinctive(t: Topic, fs: FeatureSet): Scored[] {
  // Counted on an even sample of at most 600 members: shares, not totals, matter.
  const step = Math.max(1, t.members.length / 600);
  const inTopic = new Map<number, number>();
  let size = 0;
  for (let x = 0; x < t.members.length; x += step) {
    size++;
    const d = t.members[Math.floor(x)] as number;
    for (let at = fs.vectors.start[d] as number; at < (fs.vectors.start[d + 1] as number); at++) {
      const id = fs.vectors.ids[at] as number;
      inTopic.set(id, (inTopic.get(id) ?? 0) + 1);
    }
  }
  const out: Scored[] = [];
  for (const [id, c] of inTopic) {
    if (c < 2 || (fs.terms[id] as string).charCodeAt(0) === 35) continue;
    const share = c / size;
    const lift = share / ((fs.df[id] as number) / fs.n);
    // Rarer in the journal than in the topic, or held by most members (a
    // journal that is one topic has no lift to show).
    if (lift <= 1.2 && share < 0.5) continue;
    out.push({ id, inTopic: c, score: share * Math.log2(1 + lift) });
  }
  return out.sort((a, b) => b.score - a.score || a.id - b.id);
}

/** The syllables of a term ("pin nhanh_hết" → pin, nhanh, hết). */
const syllables = (term: string) => term.split(/[ _]/);

/**
 * Up to three phrases, strongest first: a word is shown inside the pair it
 * mostly sits in ("nóng" → "máy nóng"); a phrase holding a shown one
 * replaces it ("sạc" → "củ sạc"); one sharing any syllable with a shown
 * phrase otherwise is skipped, so no word is said twice.
 */
export function pickPhrases(
  scored: readonly Scored[],
  terms: readonly string[],
  max = 3,
  taken: ReadonlySet<string> = new Set(),
): number[] {
  const picked: number[] = [];
  // Each term split once (a topic can score hundreds of terms, each looked at many times).
  const split = new Map<number, string[]>();
  const words = (id: number) => {
    let w = split.get(id);
    if (!w) {
      w = (terms[id] as string).split(" ");
      split.set(id, w);
    }
    return w;
  };
  for (const s of scored) {
    if (picked.length >= max) break;
    const overlaps = (id: number) => {
      const mine = syllables(terms[id] as string);
      return picked.some((p) => {
        const theirs = syllables(terms[p] as string);
        return theirs.some((x) => mine.includes(x)) && !theirs.every((x) => mine.includes(x));
      });
    };
    let id = s.id;
    const w = words(id);
    if (w.length === 1) {
      const pair = scored.find(
        (p) =>
          p.inTopic >= 0.6 * s.inTopic &&
          words(p.id).length === 2 &&
          words(p.id).includes(w[0] as string) &&
          !overlaps(p.id),
      );
      if (pair) id = pair.id;
    }
    const mine = syllables(terms[id] as string);
    if (mine.some((x) => taken.has(x))) continue;
    const inside = picked.findIndex((p) =>
      syllables(terms[p] as string).every((x) => mine.includes(x)),
    );
    const others = picked.filter((_, k) => k !== inside);
    if (others.some((p) => syllables(terms[p] as string).some((x) => mine.includes(x)))) continue;
    if (inside >= 0) picked[inside] = id;
    else picked.push(id);
  }
  return [...new Set(picked)];
}

/** What ranking needs: kinds of data, the score describe() reports, the first member. */
function rank(t: Topic, ctx: Ctx): { topic: Topic; types: number; score: number; first: number } {
  const seen = new Uint8Array(ctx.features.dataTypes.length);
  let types = 0;
  for (const i of t.members) {
    const d = (ctx.items[i] as Featured).dataType;
    if (seen[d] === 0) {
      seen[d] = 1;
      types++;
    }
  }
  return { topic: t, types, score: round2(topicScore(types, t)), first: t.members[0] as number };
}

const topicScore = (types: number, t: Topic) =>
  types * (0.5 + t.coherence) * Math.log2(1 + t.members.length);

const capitalise = (s: string) => (s ? s.charAt(0).toLocaleUpperCase("vi") + s.slice(1) : s);

function describe(t: Topic, ctx: Ctx): Suggestion {
  const fs = ctx.features;
  const tr = createTranslator(insightsCatalog, ctx.locale);
  const channels: Record<string, number> = {};
  const typeCount = new Map<number, number>();
  const votes = new Array<number>(NEED_CODES.length).fill(0);
  const tagged = new Array<number>(NEED_CODES.length).fill(0);
  let from = Number.POSITIVE_INFINITY;
  let to = Number.NEGATIVE_INFINITY;
  let english = 0;
  for (const i of t.members) {
    const f = fs.items[i] as Featured;
    channels[f.channel] = (channels[f.channel] ?? 0) + 1;
    typeCount.set(f.dataType, (typeCount.get(f.dataType) ?? 0) + 1);
    for (let m = f.needVote; m !== 0; m &= m - 1) {
      const b = 31 - Math.clz32(m & -m);
      votes[b] = (votes[b] as number) + 1;
      if (f.needSource === "tagged") tagged[b] = (tagged[b] as number) + 1;
    }
    if (f.time < from) from = f.time;
    if (f.time > to) to = f.time;
    if (f.english) english++;
  }
  const size = t.members.length;
  // Needs from the majority of members (each member's strongest source),
  // never from one keyword hit.
  const needs = NEED_CODES.map((need, b) => [need, votes[b] as number] as const)
    .filter(([, v]) => v >= Math.max(2, 0.4 * size))
    .sort((a, b) => b[1] - a[1])
    .map(([need]) => need);
  const needCounts: Record<string, { tagged: number; inferred: number }> = {};
  NEED_CODES.forEach((need, b) => {
    const v = votes[b] as number;
    if (v > 0)
      needCounts[need] = { tagged: tagged[b] as number, inferred: v - (tagged[b] as number) };
  });

  const scored = distinctive(t, fs);
  const isEnglish = (id: number) => (fs.dfEnglish[id] as number) * 2 > (fs.df[id] as number);
  const vi = pickPhrases(
    scored.filter((s) => !isEnglish(s.id)),
    fs.terms,
  ).map((id) => display(fs.terms[id] as string));
  // The other language adds what the first did not say.
  const said = new Set(vi.flatMap((p) => syllables(p.toLowerCase())));
  const en = pickPhrases(
    scored.filter((s) => isEnglish(s.id)),
    fs.terms,
    3,
    said,
  ).map((id) => display(fs.terms[id] as string));
  // The workspace language first, the other beside it when members wrote in it.
  const minority = Math.max(2, 0.15 * size);
  const viShown = english < size - minority || en.length === 0 ? vi : [];
  const enShown = english >= minority || vi.length === 0 ? en : [];
  // Titles are statements from the members' own words (headline.ts); the
  // keyword phrases stand in when no member says two of the topic's words together.
  const statement = (english: boolean, phrases: string[], avoid?: ReadonlySet<string>) => {
    if (phrases.length === 0 || ctx.titles === "keywords") return phrases;
    const weights = new Map<string, number>();
    const top = scored.filter((s) => isEnglish(s.id) === english).slice(0, 25);
    const max = top[0]?.score ?? 1;
    for (const s of top) weights.set(fs.terms[s.id] as string, s.score / max);
    const members: HeadlineMember[] = [];
    for (let k = 0; k < t.members.length && members.length < 40; k++) {
      const f = fs.items[t.members[k] as number] as Featured;
      if (f.english === english)
        members.push({ text: f.obs.what, closeness: t.closeness[k] as number });
    }
    return headline(members, weights, { avoid }) ?? phrases;
  };
  // The other language adds to the first and repeats none of its words.
  const firstEnglish = ctx.locale === "en";
  const firstSaid = statement(firstEnglish, firstEnglish ? enShown : viShown);
  const otherSaid = statement(
    !firstEnglish,
    firstEnglish ? viShown : enShown,
    new Set(firstSaid.flatMap((p) => p.toLowerCase().split(" "))),
  );
  const head = [firstSaid, otherSaid]
    .filter((p) => p.length > 0)
    .map((p) => capitalise(p.join(", ")))
    .join(" / ");
  const types = typeCount.size;
  const counts = tr("topic.counts", {
    comments: tr("topic.comments", { count: size }),
    sources: types >= 2 ? tr("topic.sources", { count: types }) : tr("topic.oneSource"),
  });
  const title = `${head || tr("topic.untitled")} ${counts}`;

  // Quotes: nearest the centre, a new kind of data first when one is near.
  const quotes: Quote[] = [];
  const seenTypes = new Set<number>();
  const seenTexts = new Set<string>();
  for (const pass of [0, 1]) {
    for (const i of pass === 0 ? t.members : t.members.slice(0, 12)) {
      if (quotes.length >= 3) break;
      const f = fs.items[i] as Featured;
      const text = f.obs.what;
      if (seenTexts.has(text) || (pass === 0 && seenTypes.has(f.dataType))) continue;
      seenTexts.add(text);
      seenTypes.add(f.dataType);
      quotes.push({ observationId: f.obs.id, channel: f.channel, text });
    }
  }
  const dataTypes: Record<string, number> = {};
  for (const [type, c] of [...typeCount].sort((a, b) => a[0] - b[0]))
    dataTypes[fs.dataTypes[type] as string] = c;
  const days = Number.isFinite(to - from) ? Math.round((to - from) / 86_400_000) : 0;
  const topTerms = scored.slice(0, 10).map((s) => display(fs.terms[s.id] as string));
  const score = topicScore(types, t);
  return {
    kind: "theme",
    title,
    needs,
    observationIds: t.members.map((i) => ctx.ids[i] as string),
    channels: Object.keys(channels).sort() as Channel[],
    score: round2(score),
    why: {
      kind: "theme",
      key: { type: "term", code: vi[0] ?? en[0] ?? "" },
      observations: size,
      shown: size,
      channels,
      dataTypes,
      needs: needCounts,
      topTerms,
      coherence: round2(t.coherence),
      from: iso(from),
      to: iso(to),
      days,
      phrases: { vi, en },
      quotes,
      oneSource: types < 2,
    },
  };
}

function fromTimeLink(l: TimeLink, ctx: Ctx): Suggestion {
  const t = createTranslator(insightsCatalog, ctx.locale);
  const nf = new Intl.NumberFormat(ctx.locale === "vi" ? "vi-VN" : "en-US");
  const c = l.change;
  const competitor = ctx.competitorNames?.get(c.competitor) ?? c.competitor;
  const change = c.price
    ? t("link.price", {
        competitor,
        from: nf.format(c.price.from),
        to: `${nf.format(c.price.to)} ${c.price.currency}`,
        pct: c.price.pct > 0 ? `+${c.price.pct}` : String(c.price.pct),
      })
    : t(c.kind === "price" ? "link.priceWords" : "link.claim", { competitor });
  const days = (w: { days: number }) => Math.round(w.days);
  // Base counts, never a ratio: "0 → 11 in 14 days" reads true, "×12.3" over zero does not.
  const effects = l.signals.map((s) =>
    s.type === "behaviour"
      ? t("effect.behaviour", {
          label: behaviourLabel(s.behaviour, ctx),
          before: s.before.count,
          beforeDays: days(s.before),
          after: s.after.count,
          afterDays: days(s.after),
        })
      : s.type === "complaints"
        ? t("effect.complaints", {
            need: NEEDS[s.need][ctx.locale],
            before: s.before.count,
            beforeDays: days(s.before),
            after: s.after.count,
            afterDays: days(s.after),
          })
        : t("effect.happy", { before: s.before, after: s.after }),
  );
  const needs = new Set<NeedCode>([c.kind === "price" ? "price" : "information"]);
  for (const s of l.signals) if (s.type === "complaints") needs.add(s.need);
  return {
    kind: "time-link",
    title: t("link.then", { change, days: TIME_LINK_WINDOW_DAYS, effects: effects.join(", ") }),
    needs: [...needs],
    observationIds: l.shown.map((i) => (ctx.items[i] as Featured).obs.id),
    channels: channelsOf(l.shown, ctx.items),
    score: l.score,
    why: {
      kind: "time-link",
      windowDays: TIME_LINK_WINDOW_DAYS,
      change: {
        kind: c.kind,
        competitorId: c.competitor,
        competitor,
        at: iso(c.at) ?? "",
        ...(c.price ? { price: c.price } : {}),
        observationIds: c.members.map((i) => (ctx.items[i] as Featured).obs.id),
      },
      signals: l.signals,
    },
  };
}
