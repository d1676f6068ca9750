// GET /v1/journals/:id/suggestions, storage-free: featurise once, then theme
// groups (themes.ts) and time links (time-links.ts), each turned into the
// docs/http-api.md "Journals" shape {title, needs, observationIds, channels, score, why}. No
// network, no model: the same input gives the same suggestions.
import {
  type Channel,
  createTranslator,
  DEFAULT_BEHAVIOURS,
  type Locale,
  NEEDS,
  type NeedCode,
} from "@sightline/shared";
import { words } from "@sightline/shared/text/tokenise";
import { insightsCatalog } from "../catalog.ts";
import { phraseFinder } from "../text/phrase.ts";
import { type Featured, type FeatureSet, featurise } from "./featurise.ts";
import type { SuggestObservation } from "./observation.ts";
import { findThemes, type Theme, type ThemeKey, type ThemeOptions } from "./themes.ts";
import {
  findTimeLinks,
  TIME_LINK_WINDOW_DAYS,
  type TimeLink,
  type TimeLinkSignal,
} from "./time-links.ts";

export type Label = { vi: string; en: string };

export type SuggestOptions = ThemeOptions & {
  locale?: Locale;
  /** Store reason code → need. */
  reasonNeeds?: ReadonlyMap<string, NeedCode>;
  /** Store behaviour labels (override the defaults). */
  behaviourLabels?: ReadonlyMap<string, Label>;
  competitorNames?: ReadonlyMap<string, string>;
  timeLinks?: number;
};

export type ThemeWhy = {
  kind: "theme";
  key: ThemeKey;
  observations: number;
  shown: number;
  channels: Record<string, number>;
  dataTypes: Record<string, number>;
  needs: Record<string, { tagged: number; inferred: number }>;
  topTerms: string[];
  coherence: number;
  from: string | null;
  to: string | null;
  days: number;
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
  const features = featurise(observations, { reasonNeeds: options.reasonNeeds });
  const themes = findThemes(features, options);
  const links = findTimeLinks(features, { limit: options.timeLinks ?? 5 });
  const ctx: Ctx = { ...options, locale: options.locale ?? "vi", features, items: features.items };
  return {
    suggestions: themes.map((t) => fromTheme(t, ctx)),
    timeLinks: links.map((l) => fromTimeLink(l, ctx)),
  };
}

type Ctx = SuggestOptions & { locale: Locale; features: FeatureSet; items: Featured[] };

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

function fromTheme(t: Theme, ctx: Ctx): Suggestion {
  const { dictionary, texts } = ctx.features;
  const grow = phrasesIn(t.shown.map((i) => (ctx.items[i] as Featured).obs));
  const topTerms = distinctPhrases(
    condense(t.topTermIds.map((id) => dictionary.surface(id, texts))).map(grow),
  );
  const keyTerm = t.key.type === "term" ? grow(dictionary.surface(Number(t.key.code), texts)) : "";
  // A one-syllable key reads better as the top phrase holding it ("viên" → "nhân viên").
  const phrase =
    topTerms.find((x) => x.includes(" ") && contains(foldedWords(x), foldedWords(keyTerm))) ??
    keyTerm;
  const head =
    t.key.type === "need"
      ? NEEDS[t.key.code as NeedCode][ctx.locale]
      : t.key.type === "behaviour"
        ? behaviourLabel(t.key.code, ctx)
        : t.key.type === "tag"
          ? `#${t.key.code}`
          : `“${phrase}”`;
  const rest = topTerms.filter((s) => s !== phrase && s !== keyTerm).slice(0, 3);
  const days = Number.isFinite(t.to - t.from) ? Math.round((t.to - t.from) / 86_400_000) : 0;
  return {
    kind: "theme",
    title: rest.length ? `${head}: ${rest.join(", ")}` : head,
    needs: t.needs,
    observationIds: t.shown.map((i) => (ctx.items[i] as Featured).obs.id),
    channels: Object.keys(t.channels).sort() as Channel[],
    score: round2(t.score),
    why: {
      kind: "theme",
      key: t.key.type === "term" ? { type: "term", code: keyTerm } : t.key,
      observations: t.size,
      shown: t.shown.length,
      channels: t.channels,
      dataTypes: t.dataTypes,
      needs: t.needCounts,
      topTerms,
      coherence: round2(t.coherence),
      from: iso(t.from),
      to: iso(t.to),
      days,
    },
  };
}

const foldedWords = (surface: string) => words(surface).map((w) => w.folded);

/** Whether `part` is a run of consecutive words of `whole`. */
const contains = (whole: string[], part: string[]) =>
  part.length > 0 && ` ${whole.join(" ")} `.includes(` ${part.join(" ")} `);

/** A displayed term grown into the phrase it sits in within these observations' texts. */
function phrasesIn(observations: readonly SuggestObservation[]): (surface: string) => string {
  const texts = observations.flatMap((o) =>
    [o.what, o.why, o.evidence?.quote].filter((x): x is string => typeof x === "string"),
  );
  const find = phraseFinder(texts);
  return (surface) => {
    const folded = foldedWords(surface).join(" ");
    return folded ? find(folded, surface) : surface;
  };
}

const bigrams = (ws: string[]) => ws.slice(1).map((w, i) => `${ws[i]} ${w}`);

/**
 * Phrases in order, without one inside a longer one, nor one sharing two
 * adjacent words with an earlier one ("hỏi về trả góp", "về trả góp").
 */
export function distinctPhrases(phrases: string[]): string[] {
  const folded = phrases.map(foldedWords);
  const kept: number[] = [];
  phrases.forEach((_, i) => {
    const mine = folded[i] as string[];
    const inLonger = folded.some((o) => o.length > mine.length && contains(o, mine));
    const pairs = new Set(bigrams(mine));
    const overlaps = kept.some((j) => {
      const other = folded[j] as string[];
      return contains(other, mine) || bigrams(other).some((b) => pairs.has(b));
    });
    if (!inLonger && !overlaps) kept.push(i);
  });
  return kept.map((i) => phrases[i] as string);
}

/**
 * Up to five terms for display, heaviest first: a word is shown inside its
 * two-word term when the list has that pair ("thiết", "kế" → "thiết kế"),
 * and nothing whose words are all shown already is repeated.
 */
export function condense(terms: string[]): string[] {
  const listed = new Set(terms.flatMap((t) => t.split(" ")));
  const covered = new Set<string>();
  const shown: string[] = [];
  for (const t of terms) {
    let pick = t;
    if (!t.includes(" ")) {
      const pair = terms.find((b) => {
        const [x, y] = b.split(" ");
        if (y === undefined) return false;
        const other = x === t ? y : y === t ? x : undefined;
        return other !== undefined && (listed.has(other) || covered.has(other));
      });
      if (pair) pick = pair;
    }
    const words = pick.split(" ");
    if (words.every((w) => covered.has(w))) continue;
    shown.push(pick);
    for (const w of words) covered.add(w);
    if (shown.length === 5) break;
  }
  return shown;
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
  const effects = l.signals.map((s) =>
    s.type === "behaviour"
      ? t("effect.behaviour", { label: behaviourLabel(s.behaviour, ctx), ratio: s.ratio })
      : s.type === "complaints"
        ? t("effect.complaints", { need: NEEDS[s.need][ctx.locale], ratio: s.ratio })
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
