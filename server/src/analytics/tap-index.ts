// Analytics off the request path (issue 18): a report once rescanned every
// observation of a channel per request (1.7–2 s of event-loop time at 190k
// observations; four viewers reloading held a kiosk push for 19 s). Now each
// workspace × channel keeps an index of compact "taps" in memory, grouped in
// day buckets (store × local date) that carry running totals:
//
// - built once, in pages of BUILD_PAGE rows with a yield to the event loop
//   between pages, so pushes interleave with a cold build;
// - brought up to date from the observations written since its workspace
//   version (db.scanScopedChanges, through the version index) once a second
//   in the background and again by each request, so the cost follows the
//   change, not the channel, and is mostly paid off the request path;
// - answered by merging whole buckets inside the requested window and
//   counting only the taps of the buckets that straddle its edges.
//
// A tap's local day, hour and weekday depend on its store's time zone: when
// a zone changes, the index is built again (rare: an admin's edit).
import type { Db, ScannedObservation } from "../db/port.ts";
import type { LocalParts } from "./zoned-time.ts";

export const BUILD_PAGE = 500;
/**
 * How often a built index catches up in the background with what was
 * written since (so a request rarely has more than this much to apply, and
 * a bulk load is absorbed in slices as it arrives).
 */
export const FOLLOW_MS = 1000;

/** One observation as analytics count it. */
export type Tap<D> = {
  id: string;
  /** capturedAt as ms; null when unreadable (left out of any time window). */
  ms: number | null;
  storeId: string | undefined;
  local: LocalParts | null;
  data: D;
};

/** How one report keeps running totals per bucket. */
export type Tally<D, B> = {
  empty(): B;
  add(bucket: B, tap: Tap<D>, sign: 1 | -1): void;
};

type Bucket<D, B> = {
  storeId: string | undefined;
  /** Local date, or "" for taps without a local time. */
  date: string;
  /** Conservative bounds of the taps' ms (not narrowed on removal). */
  minMs: number;
  maxMs: number;
  taps: Map<string, Tap<D>>;
  total: B;
};

export type Window = { fromMs?: number | undefined; toMs?: number | undefined; storeId?: string };

const inWindow = (ms: number | null, w: Window) =>
  w.fromMs === undefined && w.toMs === undefined
    ? true
    : ms !== null &&
      (w.fromMs === undefined || ms >= w.fromMs) &&
      (w.toMs === undefined || ms < w.toMs);

/** Taps in day buckets with running totals; exact answers for any instant window. */
export function createDayIndex<D, B>(tally: Tally<D, B>) {
  const buckets = new Map<string, Bucket<D, B>>();
  const where = new Map<string, Bucket<D, B>>();
  const keyOf = (t: Tap<D>) => `${t.storeId ?? ""}\u0000${t.local?.date ?? ""}`;
  function remove(id: string) {
    const b = where.get(id);
    const t = b?.taps.get(id);
    if (!b || !t) return;
    tally.add(b.total, t, -1);
    b.taps.delete(id);
    where.delete(id);
    if (b.taps.size === 0) buckets.delete(keyOf(t));
  }
  function add(t: Tap<D>) {
    remove(t.id);
    const key = keyOf(t);
    let b = buckets.get(key);
    if (!b) {
      b = {
        storeId: t.storeId,
        date: t.local?.date ?? "",
        minMs: Number.POSITIVE_INFINITY,
        maxMs: Number.NEGATIVE_INFINITY,
        taps: new Map(),
        total: tally.empty(),
      };
      buckets.set(key, b);
    }
    b.taps.set(t.id, t);
    where.set(t.id, b);
    if (t.ms !== null) {
      b.minMs = Math.min(b.minMs, t.ms);
      b.maxMs = Math.max(b.maxMs, t.ms);
    }
    tally.add(b.total, t, 1);
  }
  return {
    add,
    remove,
    get size() {
      return where.size;
    },
    /** Whether any tap of this store is in the index. */
    hasStore(storeId: string): boolean {
      for (const b of buckets.values()) if (b.storeId === storeId) return true;
      return false;
    },
    /** Per bucket in the window: its totals (whole buckets) or a tally of its taps inside. */
    select(w: Window): Array<{ date: string; total: B }> {
      const out: Array<{ date: string; total: B }> = [];
      const bounded = w.fromMs !== undefined || w.toMs !== undefined;
      for (const b of buckets.values()) {
        if (w.storeId !== undefined && b.storeId !== w.storeId) continue;
        const unreadable = b.date === "" && [...b.taps.values()].some((t) => t.ms === null);
        const whole =
          !bounded ||
          (!unreadable &&
            b.minMs !== Number.POSITIVE_INFINITY &&
            (w.fromMs === undefined || b.minMs >= w.fromMs) &&
            (w.toMs === undefined || b.maxMs < w.toMs));
        if (whole) {
          out.push({ date: b.date, total: b.total });
          continue;
        }
        if (
          b.minMs !== Number.POSITIVE_INFINITY &&
          ((w.toMs !== undefined && b.minMs >= w.toMs) ||
            (w.fromMs !== undefined && b.maxMs < w.fromMs))
        )
          continue;
        const part = tally.empty();
        let any = false;
        for (const t of b.taps.values()) {
          if (!inWindow(t.ms, w)) continue;
          tally.add(part, t, 1);
          any = true;
        }
        if (any) out.push({ date: b.date, total: part });
      }
      return out;
    },
  };
}

export type DayIndex<D, B> = ReturnType<typeof createDayIndex<D, B>>;

type Channel = "feedback" | "store";

export type Zones = {
  /** Store id → IANA zone, as the taps were (or are to be) bucketed. */
  byStore: ReadonlyMap<string, string>;
  timeZoneOf: (storeId: string | undefined) => string | undefined;
};

/** Store ids whose zone differs between two maps (added, removed or changed). */
export function zoneChanges(a: Zones, b: Zones): string[] {
  const ids = new Set([...a.byStore.keys(), ...b.byStore.keys()]);
  return [...ids].filter((id) => a.byStore.get(id) !== b.byStore.get(id));
}

type IndexEntry<D, B> = {
  version: number;
  /** The zones the taps were bucketed with. */
  zones: Zones;
  index: DayIndex<D, B>;
};

export type TapIndexes<D, B> = {
  /**
   * The workspace's index, up to date with `version` and bucketed with the
   * given zones (a cold build reads the channel page by page).
   */
  get(workspaceId: string, version: number, zones: Zones): Promise<DayIndex<D, B>>;
  /** Stop following the database (shutdown, tests). */
  stop(): void;
};

const yieldToLoop = () => new Promise<void>((r) => setImmediate(r));

/**
 * One index per workspace for `channel`, built and refreshed one caller at a
 * time per workspace (concurrent requests wait for the same work).
 */
export function createTapIndexes<D, B>(
  db: Pick<Db, "listScopedObservations" | "scanScopedChanges" | "getWorkspace">,
  channel: Channel,
  toTap: (
    o: Pick<ScannedObservation, "id" | "fields">,
    timeZoneOf: (storeId: string | undefined) => string | undefined,
  ) => Tap<D>,
  tally: Tally<D, B>,
): TapIndexes<D, B> {
  const entries = new Map<string, IndexEntry<D, B>>();
  const busy = new Map<string, Promise<unknown>>();
  const scope = { channels: [channel] };

  async function build(ws: string, tz: (s: string | undefined) => string | undefined) {
    const started = (await db.getWorkspace(ws))?.version ?? 0;
    const index = createDayIndex(tally);
    let cursor: string | undefined;
    do {
      const page = await db.listScopedObservations(ws, {
        scope,
        ascending: true,
        limit: BUILD_PAGE,
        ...(cursor ? { cursor } : {}),
      });
      for (const o of page.items) index.add(toTap(o, tz));
      cursor = page.nextCursor ?? undefined;
      await yieldToLoop();
    } while (cursor);
    return { index, version: started };
  }

  async function refresh(ws: string, version: number, zones: Zones): Promise<DayIndex<D, B>> {
    let e = entries.get(ws);
    // A zone changed for a store the index holds taps of (their local days
    // move): build again. A new store, or a change to a store without taps
    // here, only updates the zones. An older `version` (a request that read
    // it before another's refresh) is served by the newer index; a restore
    // restarts the server, so memory never outlives its database.
    if (e) {
      const moved = zoneChanges(e.zones, zones);
      if (moved.some((id) => e?.index.hasStore(id))) e = undefined;
      else if (moved.length) e.zones = zones;
    }
    if (!e) {
      const built = await build(ws, zones.timeZoneOf);
      e = { version: built.version, zones, index: built.index };
      entries.set(ws, e);
      follow();
    }
    if (version > e.version) {
      const changes = await db.scanScopedChanges(ws, scope, e.version);
      for (const id of changes.changedIds) e.index.remove(id);
      for (const o of changes.observations) e.index.add(toTap(o, zones.timeZoneOf));
      e.version = version;
    }
    return e.index;
  }

  /** One refresh at a time per workspace; later callers chain behind it. */
  async function queued(ws: string, version: number, zones: Zones) {
    const prev = busy.get(ws) ?? Promise.resolve();
    const next = prev.catch(() => {}).then(() => refresh(ws, version, zones));
    busy.set(ws, next);
    try {
      return await next;
    } finally {
      if (busy.get(ws) === next) busy.delete(ws);
    }
  }

  // Catch up in the background: every FOLLOW_MS, each built index that is
  // behind its workspace (and not already being refreshed) applies the
  // changes since. A failing database (closed at shutdown) stops it.
  let timer: ReturnType<typeof setInterval> | null = null;
  function follow() {
    if (timer) return;
    timer = setInterval(async () => {
      try {
        for (const [ws, e] of entries) {
          if (busy.has(ws)) continue;
          const version = (await db.getWorkspace(ws))?.version ?? 0;
          if (version > e.version) await queued(ws, version, e.zones);
        }
      } catch {
        stop();
      }
    }, FOLLOW_MS);
    timer.unref?.();
  }
  function stop() {
    if (timer) clearInterval(timer);
    timer = null;
  }

  return { get: queued, stop };
}
