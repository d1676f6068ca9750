// Journal stats over every observation in scope (docs/http-api.md "Journals": byChannel, byNeed,
// byDay, fiveW1H): counts per channel and tagged need, per local day (the
// date the device wrote in capturedAt), 5W1H completeness (mean score 0–6
// and the share answering each question), and needs per channel for the
// "needs by channel" chart.
//
// The counts are kept in a StatsTally that observations can be added to and
// taken out of, so the scope cache can carry a journal's stats from one
// workspace version to the next by touching only the changed observations
// (at 100,000 observations a full pass is most of a cold open).
import {
  answeredFiveW1H,
  CHANNEL_CODES,
  FIVE_W1H,
  type FiveW1H,
  NEED_CODES,
  type ObservationFields,
} from "@sightline/shared";

/**
 * Keys in vocabulary order (unknown ones after, by name), so the answer reads
 * the same whether the tally was built in one pass or kept up to date.
 */
function inOrder<V>(m: Map<string, V>, order: readonly string[]): Record<string, V> {
  const rank = (k: string) => {
    const i = order.indexOf(k);
    return i < 0 ? order.length : i;
  };
  return Object.fromEntries(
    [...m].sort(([a], [b]) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0)),
  );
}

export type JournalStats = {
  total: number;
  byChannel: Record<string, number>;
  byNeed: Record<string, number>;
  byDay: Record<string, number>;
  fiveW1H: { average: number; answered: Record<FiveW1H, number> };
  needsByChannel: Record<string, Record<string, number>>;
};

/** Raw counts behind JournalStats (no rounding, no ordering yet). */
export type StatsTally = {
  total: number;
  /** Sum of the 5W1H scores. */
  score: number;
  answered: Record<FiveW1H, number>;
  byChannel: Map<string, number>;
  byNeed: Map<string, number>;
  byDay: Map<string, number>;
  needsByChannel: Map<string, Map<string, number>>;
};

export const emptyTally = (): StatsTally => ({
  total: 0,
  score: 0,
  answered: Object.fromEntries(FIVE_W1H.map((k) => [k, 0])) as Record<FiveW1H, number>,
  byChannel: new Map(),
  byNeed: new Map(),
  byDay: new Map(),
  needsByChannel: new Map(),
});

/** An independent copy (the original may still be read by an older entry). */
export const copyTally = (t: StatsTally): StatsTally => ({
  total: t.total,
  score: t.score,
  answered: { ...t.answered },
  byChannel: new Map(t.byChannel),
  byNeed: new Map(t.byNeed),
  byDay: new Map(t.byDay),
  needsByChannel: new Map([...t.needsByChannel].map(([c, m]) => [c, new Map(m)])),
});

/** Adds a count, dropping the key when it falls to zero (so removal leaves no trace). */
function bump(m: Map<string, number>, k: string, by: number) {
  const n = (m.get(k) ?? 0) + by;
  if (n === 0) m.delete(k);
  else m.set(k, n);
}

/**
 * Counts one observation in (`sign` 1) or out (`sign` -1). Taking out an
 * observation that was counted in with the same fields restores the tally.
 */
export function tallyObservation(
  t: StatsTally,
  fields: Record<string, unknown>,
  sign: 1 | -1 = 1,
): void {
  const f = fields as ObservationFields;
  t.total += sign;
  const channel = f.channel ?? "unknown";
  bump(t.byChannel, channel, sign);
  if (typeof f.capturedAt === "string") bump(t.byDay, f.capturedAt.slice(0, 10), sign);
  for (const n of f.needs ?? []) {
    bump(t.byNeed, n, sign);
    let m = t.needsByChannel.get(channel);
    if (!m) {
      m = new Map();
      t.needsByChannel.set(channel, m);
    }
    bump(m, n, sign);
    if (m.size === 0) t.needsByChannel.delete(channel);
  }
  const a = answeredFiveW1H(f);
  for (const k of FIVE_W1H) {
    if (a[k]) {
      t.answered[k] += sign;
      t.score += sign;
    }
  }
}

/** The API shape: shares and the mean rounded, days in order. */
export function finishStats(t: StatsTally): JournalStats {
  const { total } = t;
  const share = (n: number) => (total ? Math.round((1000 * n) / total) / 1000 : 0);
  return {
    total,
    byChannel: inOrder(t.byChannel, CHANNEL_CODES),
    byNeed: inOrder(t.byNeed, NEED_CODES),
    byDay: Object.fromEntries([...t.byDay].sort((a, b) => (a[0] < b[0] ? -1 : 1))),
    fiveW1H: {
      average: total ? Math.round((100 * t.score) / total) / 100 : 0,
      answered: Object.fromEntries(FIVE_W1H.map((k) => [k, share(t.answered[k])])) as Record<
        FiveW1H,
        number
      >,
    },
    needsByChannel: inOrder(
      new Map([...t.needsByChannel].map(([c, m]) => [c, inOrder(m, NEED_CODES)])),
      CHANNEL_CODES,
    ),
  };
}

export function tallyOf(observations: Iterable<{ fields: Record<string, unknown> }>): StatsTally {
  const t = emptyTally();
  for (const { fields } of observations) tallyObservation(t, fields);
  return t;
}

export function journalStats(
  observations: Iterable<{ fields: Record<string, unknown> }>,
): JournalStats {
  return finishStats(tallyOf(observations));
}
