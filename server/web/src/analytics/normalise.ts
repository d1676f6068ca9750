// Read the analytics answers (parsed with the shared schemas by the API
// client) into the shapes the charts draw. Still read field by field, never
// cast: anything missing becomes an empty series rather than a crash.

/** Feedback in the shape the charts draw. */
export type FeedbackAnalytics = {
  counts: [number, number, number, number];
  happyIndex: number | null;
  /** 7 weekdays (Monday first) × 24 hours of counts. */
  hourWeekday: number[][];
  /** The same grid's happy index per cell (null where no taps). */
  hourWeekdayHappy: (number | null)[][];
  /** Rapid repeat taps in the range, left out of the counts. */
  suspect: number;
  byReason: { code: string; count: number }[];
  byDay: { day: string; happyIndex: number | null; count: number }[];
};

/** Behaviour taps in the shape the charts draw. */
export type BehaviourAnalytics = {
  rows: { behaviour: string; zone: string; day: string; count: number }[];
};

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => !!v && typeof v === "object" && !Array.isArray(v);
const num = (v: unknown): number => (typeof v === "number" && Number.isFinite(v) ? v : 0);
const numOrNull = (v: unknown): number | null =>
  typeof v === "number" && Number.isFinite(v) ? v : null;
const str = (v: unknown): string =>
  typeof v === "string" ? v : v === undefined || v === null ? "" : String(v);

export const emptyGrid = (): number[][] =>
  Array.from({ length: 7 }, () => Array(24).fill(0) as number[]);

/**
 * Weekday index with Monday = 0. Accepts ISO (1 = Monday … 7 = Sunday), JS
 * (0 = Sunday … 6 = Saturday, `sundayFirst`) or English names.
 */
function mondayIndex(raw: unknown, sundayFirst: boolean): number | undefined {
  if (typeof raw === "string") {
    const i = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"].indexOf(
      raw.slice(0, 3).toLowerCase(),
    );
    return i >= 0 ? i : undefined;
  }
  if (typeof raw !== "number") return undefined;
  if (raw === 7) return 6;
  if (sundayFirst) return (raw + 6) % 7;
  return raw >= 1 && raw <= 7 ? raw - 1 : undefined;
}

function happyGrid(raw: unknown): (number | null)[][] {
  const g: (number | null)[][] = Array.from({ length: 7 }, () => Array(24).fill(null) as null[]);
  if (Array.isArray(raw) && raw.length === 7 && raw.every(Array.isArray)) {
    raw.forEach((row, r) => {
      (row as unknown[]).forEach((v, h) => {
        if (h < 24 && isObj(v)) (g[r] as (number | null)[])[h] = numOrNull(v.happyIndex);
      });
    });
  }
  return g;
}

function grid(raw: unknown): number[][] {
  const g = emptyGrid();
  if (Array.isArray(raw) && raw.length === 7 && raw.every(Array.isArray)) {
    raw.forEach((row, r) => {
      (row as unknown[]).forEach((v, h) => {
        if (h < 24) (g[r] as number[])[h] = num(isObj(v) ? v.count : v);
      });
    });
    return g;
  }
  if (Array.isArray(raw)) {
    const cells = raw.filter(isObj);
    const sundayFirst = cells.some((c) => c.weekday === 0 || c.dow === 0);
    for (const c of cells) {
      const r = mondayIndex(c.weekday ?? c.dow ?? c.day, sundayFirst);
      const h = num(c.hour);
      if (r !== undefined && h >= 0 && h < 24)
        (g[r] as number[])[h] = ((g[r] as number[])[h] ?? 0) + num(c.count ?? c.n);
    }
  }
  return g;
}

function faceCounts(raw: unknown): [number, number, number, number] {
  if (Array.isArray(raw)) {
    if (raw.every((x) => typeof x === "number")) {
      return [num(raw[0]), num(raw[1]), num(raw[2]), num(raw[3])];
    }
    const out: [number, number, number, number] = [0, 0, 0, 0];
    for (const x of raw.filter(isObj)) {
      const face = num(x.rating ?? x.face);
      if (face >= 1 && face <= 4) out[face - 1] = (out[face - 1] ?? 0) + num(x.count ?? x.n);
    }
    return out;
  }
  if (isObj(raw)) return [num(raw["1"]), num(raw["2"]), num(raw["3"]), num(raw["4"])];
  return [0, 0, 0, 0];
}

function pairs(raw: unknown, keyNames: string[]): { code: string; count: number }[] {
  if (Array.isArray(raw)) {
    return raw.filter(isObj).map((x) => ({
      code: str(keyNames.map((k) => x[k]).find((v) => v !== undefined)),
      count: num(x.count ?? x.n),
    }));
  }
  if (isObj(raw)) return Object.entries(raw).map(([code, n]) => ({ code, count: num(n) }));
  return [];
}

export function normaliseFeedback(raw: unknown): FeedbackAnalytics {
  const r = isObj(raw) ? raw : {};
  const days: Obj[] = Array.isArray(r.byDay)
    ? r.byDay.filter(isObj)
    : isObj(r.byDay)
      ? Object.entries(r.byDay).map(
          ([day, v]): Obj => (isObj(v) ? { day, ...v } : { day, count: v }),
        )
      : [];
  return {
    counts: faceCounts(r.counts ?? r.byFace ?? r.faces),
    happyIndex: numOrNull(r.happyIndex),
    hourWeekday: grid(r.byHourWeekday ?? r.hourWeekday ?? r.byHour ?? r.grid),
    hourWeekdayHappy: happyGrid(r.byHourWeekday ?? r.hourWeekday),
    suspect: num(r.suspect),
    byReason: pairs(r.byReason ?? r.reasons, ["reason", "code"]).sort((a, b) => b.count - a.count),
    byDay: days
      .map((d) => ({
        day: str(d.day ?? d.date).slice(0, 10),
        happyIndex: numOrNull(d.happyIndex),
        count: num(d.count ?? d.total),
      }))
      .sort((a, b) => a.day.localeCompare(b.day)),
  };
}

export function normaliseBehaviour(raw: unknown): BehaviourAnalytics {
  const r = isObj(raw) ? raw : {};
  const list = [r.cells, r.rows, r.items, r.counts, raw].find(Array.isArray) as
    | unknown[]
    | undefined;
  return {
    rows: (list ?? []).filter(isObj).map((x) => ({
      behaviour: str(x.behaviour),
      zone: str(x.zone) || "—",
      day: str(x.day ?? x.date).slice(0, 10),
      count: num(x.count ?? x.n),
    })),
  };
}
