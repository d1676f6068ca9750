// Journal stats over every observation in scope (API.md: byChannel, byNeed,
// byDay, fiveW1H): counts per channel and tagged need, per local day (the
// date the device wrote in capturedAt), 5W1H completeness (mean score 0–6
// and the share answering each question), and needs per channel for the
// "needs by channel" chart.
import {
  answeredFiveW1H,
  FIVE_W1H,
  type FiveW1H,
  fiveW1HScore,
  type ObservationFields,
} from "@sightline/shared";

export type JournalStats = {
  total: number;
  byChannel: Record<string, number>;
  byNeed: Record<string, number>;
  byDay: Record<string, number>;
  fiveW1H: { average: number; answered: Record<FiveW1H, number> };
  needsByChannel: Record<string, Record<string, number>>;
};

const inc = (m: Record<string, number>, k: string) => {
  m[k] = (m[k] ?? 0) + 1;
};

export function journalStats(
  observations: Iterable<{ fields: Record<string, unknown> }>,
): JournalStats {
  const byChannel: Record<string, number> = {};
  const byNeed: Record<string, number> = {};
  const byDay: Record<string, number> = {};
  const needsByChannel: Record<string, Record<string, number>> = {};
  const answered = Object.fromEntries(FIVE_W1H.map((k) => [k, 0])) as Record<FiveW1H, number>;
  let total = 0;
  let score = 0;
  for (const { fields } of observations) {
    const f = fields as ObservationFields;
    total++;
    const channel = f.channel ?? "unknown";
    inc(byChannel, channel);
    if (typeof f.capturedAt === "string") inc(byDay, f.capturedAt.slice(0, 10));
    for (const n of f.needs ?? []) {
      inc(byNeed, n);
      needsByChannel[channel] ??= {};
      inc(needsByChannel[channel], n);
    }
    score += fiveW1HScore(f);
    const a = answeredFiveW1H(f);
    for (const k of FIVE_W1H) if (a[k]) answered[k]++;
  }
  const share = (n: number) => (total ? Math.round((1000 * n) / total) / 1000 : 0);
  return {
    total,
    byChannel,
    byNeed,
    byDay: Object.fromEntries(Object.entries(byDay).sort((a, b) => (a[0] < b[0] ? -1 : 1))),
    fiveW1H: {
      average: total ? Math.round((100 * score) / total) / 100 : 0,
      answered: Object.fromEntries(FIVE_W1H.map((k) => [k, share(answered[k])])) as Record<
        FiveW1H,
        number
      >,
    },
    needsByChannel,
  };
}
