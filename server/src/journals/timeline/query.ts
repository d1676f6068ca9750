// The timeline query as the route reads it (docs/http-api.md "Journal
// timeline"): repeated values of one filter OR, different filters AND; `q`
// split into folded words, each resolved to the stores and competitors whose
// names contain it (names are searchable like the observation's own text);
// bare `from`/`to` dates read in the workspace's time zone.
import type { Competitor, Store } from "@sightline/shared";
import { foldText } from "@sightline/shared/text/fold";
import { queryWords } from "@sightline/shared/text/tokenise";
import { zonedTimeToUtc } from "../../analytics/zoned-time.ts";
import type { TimelineQuery, TimelineWord } from "../../db/port.ts";
import type { JournalScope } from "../model.ts";

/** At most this many words of `q` are used (the rest are ignored). */
export const MAX_QUERY_WORDS = 10;

export type TimelineParams = {
  channel?: string | string[] | undefined;
  storeId?: string | string[] | undefined;
  competitorId?: string | string[] | undefined;
  need?: string | string[] | undefined;
  tag?: string | string[] | undefined;
  basis?: string | string[] | undefined;
  q?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  cursor?: string | undefined;
  limit: number;
};

const many = <T extends string>(v: T | T[] | undefined): T[] | undefined =>
  v === undefined ? undefined : [...new Set(Array.isArray(v) ? v : [v])];

/**
 * The workspace's time zone: the zone most of its stores keep (the first
 * store's on a tie), UTC when it has none.
 */
export function workspaceTimeZone(stores: readonly Pick<Store, "timeZone">[]): string {
  const counts = new Map<string, number>();
  for (const s of stores) counts.set(s.timeZone, (counts.get(s.timeZone) ?? 0) + 1);
  let best = "UTC";
  let n = 0;
  for (const [tz, c] of counts) {
    if (c > n) {
      best = tz;
      n = c;
    }
  }
  return best;
}

/** An instant in ms: a date-time as written, a bare date as that day's start in `tz` (+1 day if `endOfDay`). */
export function instantOf(s: string, tz: string, endOfDay: boolean): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return Date.parse(s);
  const start = zonedTimeToUtc(Number(m[1]), Number(m[2]), Number(m[3]), 0, 0, 0, tz);
  return endOfDay
    ? zonedTimeToUtc(Number(m[1]), Number(m[2]), Number(m[3]) + 1, 0, 0, 0, tz)
    : start;
}

/** The folded words of `q`, each with the stores and competitors whose names hold it. */
export function resolveWords(
  q: string | undefined,
  stores: readonly Pick<Store, "id" | "name">[],
  competitors: readonly Pick<Competitor, "id" | "name">[],
): TimelineWord[] {
  if (!q) return [];
  const words = [...new Set(queryWords(q))].slice(0, MAX_QUERY_WORDS);
  const storeNames = stores.map((s) => [s.id, foldText(s.name)] as const);
  const competitorNames = competitors.map((c) => [c.id, foldText(c.name)] as const);
  return words.map((word) => ({
    word,
    storeIds: storeNames.filter(([, n]) => n.includes(word)).map(([id]) => id),
    competitorIds: competitorNames.filter(([, n]) => n.includes(word)).map(([id]) => id),
  }));
}

export function timelineQuery(
  scope: JournalScope,
  p: TimelineParams,
  ctx: { stores: readonly Store[]; competitors: readonly Competitor[] },
): TimelineQuery {
  const tz = workspaceTimeZone(ctx.stores);
  return {
    scope,
    channels: many(p.channel),
    storeIds: many(p.storeId),
    competitorIds: many(p.competitorId),
    needs: many(p.need),
    tags: many(p.tag),
    bases: many(p.basis),
    fromMs: p.from ? instantOf(p.from, tz, false) : undefined,
    toMs: p.to ? instantOf(p.to, tz, true) : undefined,
    words: resolveWords(p.q, ctx.stores, ctx.competitors),
    limit: p.limit,
    cursor: p.cursor,
  };
}
