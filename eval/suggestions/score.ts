// Scoring suggested insights against the labelled set (dataset.ts): the
// product (suggest()) and a same-size baseline (baseline.ts) on the same
// texts, one journal per domain, as `npm run eval:suggestions` prints and
// eval.test.ts asserts. Only the fields a real observation carries reach
// either system (README.md "What a system under test may see").

import { expandAbbreviation } from "@sightline/shared/text/abbreviations";
import { foldText } from "@sightline/shared/text/fold";
import { STOP_EN, STOP_VI } from "@sightline/shared/text/stop-words";
import { words } from "@sightline/shared/text/tokenise";
import { findWords, type Unit } from "@sightline/shared/text/words";
import type { SuggestObservation } from "../../server/src/insights/suggestions/observation.ts";
import {
  type Suggestion,
  type SuggestOptions,
  suggest,
} from "../../server/src/insights/suggestions/suggest.ts";
import { baselineClusters } from "./baseline.ts";
import { type EvalRow, NOISE, REASONS } from "./dataset.ts";

const METHOD = {
  web: "competitor-audit",
  event: "event-visit",
  store: "shopper-observation",
  feedback: "feedback",
  import: "import",
} as const;

/** Rows as observations. Capture times follow the id order (label-free), one hour apart. */
export function toObservations(rows: readonly EvalRow[]): SuggestObservation[] {
  const start = Date.parse("2026-09-01T01:00:00Z");
  return [...rows]
    .sort((a, b) => (a.id < b.id ? -1 : 1))
    .map((r, i) => ({
      id: r.id,
      channel: r.channel,
      method: METHOD[r.channel as keyof typeof METHOD],
      capturedAt: new Date(start + i * 3_600_000).toISOString(),
      what: r.text,
      ...(r.source ? { source: r.source } : {}),
      ...(r.behaviour ? { behaviour: r.behaviour } : {}),
      ...(r.rating !== undefined ? { rating: r.rating } : {}),
      ...(r.reasons ? { reasons: r.reasons } : {}),
    })) as SuggestObservation[];
}

export const REASON_NEEDS = new Map(Object.entries(REASONS));

export type Cluster = { members: string[]; title?: string; needs?: string[] };

export type Scores = {
  clusters: number;
  /** Σ (members of the main topic) / Σ members, noise counting against. */
  purity: number;
  /** Share of the on-topic texts in at least one cluster. */
  textCoverage: number;
  /** Share of all texts (noise too) in at least one cluster. */
  coveredShare: number;
  /** Share of topics that are the main topic of at least one cluster. */
  topicCoverage: number;
  /** Share of noise texts left out of every cluster. */
  noiseLeftOut: number;
};

export function score(rows: readonly EvalRow[], clusters: readonly Cluster[]): Scores {
  const byId = new Map(rows.map((r) => [r.id, r]));
  let main = 0;
  let total = 0;
  const covered = new Set<string>();
  const mains = new Set<string>();
  for (const c of clusters) {
    const counts = new Map<string, number>();
    for (const id of c.members) {
      const r = byId.get(id);
      if (!r) continue;
      counts.set(`${r.domain}/${r.topic}`, (counts.get(`${r.domain}/${r.topic}`) ?? 0) + 1);
      covered.add(id);
    }
    let best = "";
    let most = 0;
    for (const [t, n] of counts) if (n > most && !t.endsWith(`/${NOISE}`)) [best, most] = [t, n];
    main += most;
    total += c.members.length;
    if (best) mains.add(best);
  }
  const topics = new Set(
    rows.filter((r) => r.topic !== NOISE).map((r) => `${r.domain}/${r.topic}`),
  );
  const onTopic = rows.filter((r) => r.topic !== NOISE);
  const noise = rows.filter((r) => r.topic === NOISE);
  return {
    clusters: clusters.length,
    purity: total ? main / total : 0,
    textCoverage: onTopic.length
      ? onTopic.filter((r) => covered.has(r.id)).length / onTopic.length
      : 0,
    coveredShare: rows.length ? covered.size / rows.length : 0,
    topicCoverage: topics.size ? [...mains].filter((t) => topics.has(t)).length / topics.size : 0,
    noiseLeftOut: noise.length ? noise.filter((r) => !covered.has(r.id)).length / noise.length : 1,
  };
}

/** The phrase part of a title: before the "(n ý kiến · m nguồn)" counts. */
export const titlePhrases = (title: string) => title.replace(/\s*\([^)]*\)\s*$/, "");

export type TitleChecks = {
  titles: number;
  /** Every title word is a whole word of some member text (abbreviations expanded). */
  wholeWords: number;
  /** No phrase of the title begins or ends with a stop word ("không", "the"). */
  noStopWords: number;
  noRepeats: number;
  /** The first phrase holds three words or more, and every phrase is a run of words as a member wrote them (a statement, not a list). */
  asWritten: number;
  /** At least half of the title's content words are the main topic's words (lift ≥ 2 in the journal). */
  topical: number;
  /** The first need is the main topic's labelled need. */
  needMatches: number;
  /** A first need is shown and it is not the main topic's labelled need. */
  needWrong: number;
  /** Titles carrying the counts "(n … · m …)". */
  withCounts: number;
};

/** Every title check at zero (a start to count or sum from). */
export const noTitleChecks = (): TitleChecks => ({
  titles: 0,
  wholeWords: 0,
  noStopWords: 0,
  noRepeats: 0,
  asWritten: 0,
  topical: 0,
  needMatches: 0,
  needWrong: 0,
  withCounts: 0,
});

export function checkTitles(
  rows: readonly EvalRow[],
  suggestions: readonly Suggestion[],
): TitleChecks {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const out = noTitleChecks();
  // Each row's words (folded, as found), once: for runs as written and for lift.
  const rowWords = new Map(rows.map((r) => [r.id, unitsOf(r.text)]));
  const holding = (word: string, of: readonly EvalRow[]) =>
    of.filter((r) => (rowWords.get(r.id) as string[]).includes(word)).length;
  for (const s of suggestions) {
    out.titles++;
    const members = s.observationIds.map((id) => byId.get(id)).filter((r): r is EvalRow => !!r);
    const vocabulary = new Set<string>();
    for (const r of members)
      for (const w of words(r.text)) {
        vocabulary.add(w.folded);
        for (const x of expandAbbreviation(w.surface) ?? []) vocabulary.add(foldText(x));
      }
    const ws = words(titlePhrases(s.title));
    if (ws.length > 0 && ws.every((w) => vocabulary.has(w.folded))) out.wholeWords++;
    // Stop words are judged on words, not syllables: "bảo" is a stop word,
    // "bảo hành" is not. A statement holds some ("máy nóng khi chơi game"),
    // but none of its phrases may begin or end with one (a fragment).
    const stop = (u: { text: string; stop: boolean }) =>
      u.stop || STOP_VI.has(u.text) || STOP_EN.has(u.text);
    const phrases = titlePhrases(s.title)
      .split(/[,/]/)
      .map((p) => findWords(p).phrases.flat())
      .filter((p) => p.length > 0);
    if (phrases.every((p) => !stop(p[0] as Unit) && !stop(p.at(-1) as Unit))) out.noStopWords++;
    const runs = phrases.map((p) => p.map((u) => foldText(u.text)).join(" "));
    if (
      (runs[0]?.split(" ").length ?? 0) >= 3 &&
      runs.every((run) =>
        members.some((r) => ` ${(rowWords.get(r.id) as string[]).join(" ")} `.includes(` ${run} `)),
      )
    )
      out.asWritten++;
    // Repeats as written ("màu" and "mẫu" fold alike but are two words).
    if (new Set(ws.map((w) => w.surface)).size === ws.length) out.noRepeats++;
    if (/\(\d+ [^·()]+ · [^()]+\)$/.test(s.title)) out.withCounts++;
    const counts = new Map<string, number>();
    for (const r of members) counts.set(r.topic, (counts.get(r.topic) ?? 0) + 1);
    const mainTopic = [...counts].filter(([t]) => t !== NOISE).sort((a, b) => b[1] - a[1])[0]?.[0];
    const need = members.find((r) => r.topic === mainTopic)?.need;
    // Lift within the journal: share of the main topic's rows holding the
    // word over the share of all rows holding it.
    const content = [
      ...new Set(
        phrases
          .flat()
          .filter((u) => !stop(u))
          .map((u) => foldText(u.text)),
      ),
    ];
    const topicRows = rows.filter((r) => r.topic === mainTopic);
    const lifted = content.filter((w) => {
      const all = holding(w, rows);
      return all > 0 && holding(w, topicRows) / topicRows.length >= (2 * all) / rows.length;
    });
    if (content.length > 0 && lifted.length * 2 >= content.length) out.topical++;
    if (need && s.needs[0] === need) out.needMatches++;
    else if (s.needs[0] !== undefined) out.needWrong++;
  }
  return out;
}

/** A text's words as findWords finds them, folded ("sản phẩm" → "san pham"). */
function unitsOf(text: string): string[] {
  return findWords(text)
    .phrases.flat()
    .map((u) => foldText(u.text))
    .filter((w) => w !== "");
}

export type DomainRun = {
  domain: string;
  rows: EvalRow[];
  product: Scores;
  titles: TitleChecks;
  /** The same suggestions titled with keyword phrases (the former titles), for comparison. */
  keywordTitles: TitleChecks;
  baseline: Scores;
  /** The baseline cut to the product's share of texts, nearest its centres first. */
  baselineSameCoverage: Scores;
  suggestions: Suggestion[];
};

/** One journal per domain: the product's suggestions and the same-size baseline. */
export function runDomain(
  domain: string,
  rows: readonly EvalRow[],
  options: SuggestOptions = {},
): DomainRun {
  const observations = toObservations(rows);
  const { suggestions } = suggest(observations, {
    reasonNeeds: REASON_NEEDS,
    locale: "vi",
    ...options,
  });
  const product = score(
    rows,
    suggestions.map((s) => ({ members: s.observationIds })),
  );
  const keywords = suggest(observations, {
    reasonNeeds: REASON_NEEDS,
    locale: "vi",
    ...options,
    titles: "keywords",
  }).suggestions;
  const base = baselineClusters(
    observations.map((o) => ({ id: o.id, text: o.what })),
    Math.max(1, suggestions.length),
  );
  const baseline = score(
    rows,
    base.map((c) => ({ members: c.members.map((m) => m.id) })),
  );
  const keep = new Set(
    base
      .flatMap((c) => c.members)
      .sort((a, b) => b.closeness - a.closeness || (a.id < b.id ? -1 : 1))
      .slice(0, Math.round(product.coveredShare * rows.length))
      .map((m) => m.id),
  );
  const baselineSameCoverage = score(
    rows,
    base.map((c) => ({ members: c.members.map((m) => m.id).filter((id) => keep.has(id)) })),
  );
  return {
    domain,
    rows: [...rows],
    product,
    titles: checkTitles(rows, suggestions),
    keywordTitles: checkTitles(rows, keywords),
    baseline,
    baselineSameCoverage,
    suggestions,
  };
}

/** Weighted over domains by their texts. */
export function overall(runs: readonly DomainRun[], pick: (r: DomainRun) => Scores): Scores {
  const n = runs.reduce((s, r) => s + r.rows.length, 0);
  const avg = (k: keyof Scores) =>
    runs.reduce((s, r) => s + pick(r)[k] * r.rows.length, 0) / (n || 1);
  return {
    clusters: runs.reduce((s, r) => s + pick(r).clusters, 0),
    purity: weightedPurity(runs, pick),
    textCoverage: avg("textCoverage"),
    coveredShare: avg("coveredShare"),
    topicCoverage: avg("topicCoverage"),
    noiseLeftOut: avg("noiseLeftOut"),
  };
}

/** Purity weighted by cluster members across every domain (not the mean of domain purities). */
function weightedPurity(runs: readonly DomainRun[], pick: (r: DomainRun) => Scores): number {
  let main = 0;
  let total = 0;
  for (const r of runs) {
    const s = pick(r);
    const members = s.coveredShare * r.rows.length;
    main += s.purity * members;
    total += members;
  }
  return total ? main / total : 0;
}

export function runSplit(
  rows: readonly EvalRow[],
  split: "dev" | "heldout",
  options: SuggestOptions = {},
): DomainRun[] {
  const domains = [...new Set(rows.filter((r) => r.split === split).map((r) => r.domain))].sort();
  return domains.map((d) =>
    runDomain(
      d,
      rows.filter((r) => r.domain === d && r.split === split),
      options,
    ),
  );
}
