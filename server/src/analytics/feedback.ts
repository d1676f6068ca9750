// GET /v1/analytics/feedback: counts per face (1–4), the happy index, an
// hour × weekday grid in each store's time zone, by reason and by day.
// Happy index = share of 3- and 4-face taps among counted taps, 0–100, one
// decimal (the four-face kiosk has no neutral face, so "happy" is the top
// two). Suspect taps (rapid repeats) are counted apart and left out unless
// includeSuspect is set.
import { localPartsOf } from "./local-time.ts";

export type FeedbackTap = {
  capturedAt: string;
  rating?: number | undefined;
  storeId?: string | undefined;
  reasons?: readonly string[] | undefined;
  suspect?: boolean | undefined;
};

export type FeedbackOptions = {
  includeSuspect?: boolean;
  /** storeId → IANA zone; unknown stores use the offset in capturedAt. */
  timeZoneOf?: (storeId: string | undefined) => string | undefined;
  /** reason code → need code, for labelling. */
  reasonNeeds?: ReadonlyMap<string, string>;
};

export type Cell = { count: number; happyIndex: number | null };

export type FeedbackAnalytics = {
  /** Taps counted below. */
  total: number;
  /** Suspect taps in the range, counted or not. */
  suspect: number;
  includeSuspect: boolean;
  faces: { "1": number; "2": number; "3": number; "4": number };
  happyIndex: number | null;
  /** [weekday 0 = Monday … 6 = Sunday][hour 0–23]. */
  byHourWeekday: Cell[][];
  byReason: Array<{
    reason: string;
    need: string | null;
    count: number;
    happyIndex: number | null;
  }>;
  byDay: Array<{ date: string } & Cell>;
  /** Taps left out because their time or rating could not be read. */
  unreadable: number;
};

const index = (happy: number, n: number) => (n === 0 ? null : Math.round((1000 * happy) / n) / 10);

export function feedbackAnalytics(
  taps: Iterable<FeedbackTap>,
  o: FeedbackOptions = {},
): FeedbackAnalytics {
  const faces = { "1": 0, "2": 0, "3": 0, "4": 0 };
  const grid = Array.from({ length: 7 }, () => Array.from({ length: 24 }, () => [0, 0]));
  const reasons = new Map<string, [number, number]>();
  const days = new Map<string, [number, number]>();
  let total = 0;
  let happy = 0;
  let suspect = 0;
  let unreadable = 0;
  for (const t of taps) {
    if (t.suspect) {
      suspect++;
      if (!o.includeSuspect) continue;
    }
    const r = t.rating;
    const local = localPartsOf(t.capturedAt, o.timeZoneOf?.(t.storeId));
    if (r === undefined || !Number.isInteger(r) || r < 1 || r > 4 || !local) {
      unreadable++;
      continue;
    }
    const h = r >= 3 ? 1 : 0;
    total++;
    happy += h;
    faces[String(r) as keyof typeof faces]++;
    const cell = grid[local.weekday]?.[local.hour] as number[];
    cell[0] = (cell[0] as number) + 1;
    cell[1] = (cell[1] as number) + h;
    const day = days.get(local.date) ?? [0, 0];
    day[0]++;
    day[1] += h;
    days.set(local.date, day);
    for (const reason of new Set(t.reasons ?? [])) {
      const x = reasons.get(reason) ?? [0, 0];
      x[0]++;
      x[1] += h;
      reasons.set(reason, x);
    }
  }
  return {
    total,
    suspect,
    includeSuspect: o.includeSuspect ?? false,
    faces,
    happyIndex: index(happy, total),
    byHourWeekday: grid.map((row) =>
      row.map(([n, k]) => ({ count: n as number, happyIndex: index(k as number, n as number) })),
    ),
    byReason: [...reasons]
      .map(([reason, [n, k]]) => ({
        reason,
        need: o.reasonNeeds?.get(reason) ?? null,
        count: n,
        happyIndex: index(k, n),
      }))
      .sort((a, b) => b.count - a.count || (a.reason < b.reason ? -1 : 1)),
    byDay: [...days]
      .sort((a, b) => (a[0] < b[0] ? -1 : 1))
      .map(([date, [n, k]]) => ({ date, count: n, happyIndex: index(k, n) })),
    unreadable,
  };
}
