// Every observation of a journal's scope, kept per workspace version:
// opening a journal (stats) and asking for suggestions both need the whole
// scope, and at 100k observations reading it is most of the work. Entries
// are keyed by workspace + version + scope. When the version moves (any
// push, import or config change) the newest entry of the same scope is
// brought up to date from the observations written since its version
// (db.scanScopedChanges, through the version index) instead of
// rescanning: the cost of a cold open follows the change, not the scope.
// Versions are a safe watermark because every versioned write of a
// workspace is serialised (the same order pulls rely on).
//
// Three entries are kept (LRU; each holds a whole scope in memory); an
// entry that was brought forward is dropped. Derived results (suggestions…)
// ride along per entry; the stats tally is carried forward, adjusted by the
// changed observations only.
import type { Db, ScannedObservation, ScopeChanges } from "../db/port.ts";
import type { JournalScope } from "./model.ts";
import {
  copyTally,
  finishStats,
  type JournalStats,
  type StatsTally,
  tallyObservation,
  tallyOf,
} from "./stats.ts";

export type ScopeEntry = {
  version: number;
  /** Live observations in scope, oldest first (capturedAt, then id). */
  observations: ScannedObservation[];
  /** Results computed from `observations`, by name ("suggestions:vi"…). */
  derived: Map<string, unknown>;
  /** Raw stats counts, computed on first use, then carried to newer entries. */
  tally: StatsTally | null;
};

export type ScopeCache = {
  get(workspaceId: string, version: number, scope: JournalScope): Promise<ScopeEntry>;
  /** A derived result, computed once per entry. */
  derive<T>(entry: ScopeEntry, name: string, compute: () => T): T;
  /** The journal stats of an entry's observations. */
  stats(entry: ScopeEntry): JournalStats;
};

/** The timeline order of the stores: captured time (as stored in captured_ms), then id. */
const capturedMs = (o: ScannedObservation) => {
  const c = o.fields.capturedAt;
  return typeof c === "string" ? Date.parse(c) : Number.NaN;
};
const before = (a: ScannedObservation, am: number, b: ScannedObservation, bm: number) =>
  am < bm || (am === bm && a.id < b.id);

/**
 * `prev` with the changed observations taken out and the fresh ones merged
 * in, in order, its stats tally (if any) adjusted the same way. Null when
 * the order cannot be reproduced in JS (an observation without a parsable
 * capturedAt sorts differently per database): the caller rescans.
 */
export function applyScopeChanges(
  prev: ScopeEntry,
  changes: ScopeChanges,
  version: number,
): ScopeEntry | null {
  const fresh = changes.observations.map((o) => ({ o, ms: capturedMs(o) }));
  if (fresh.some((f) => !Number.isFinite(f.ms))) return null;
  fresh.sort((a, b) => (before(a.o, a.ms, b.o, b.ms) ? -1 : 1));
  const changed = new Set(changes.changedIds);
  const tally = prev.tally && copyTally(prev.tally);
  const observations: ScannedObservation[] = [];
  let i = 0;
  for (const o of prev.observations) {
    if (changed.has(o.id)) {
      if (tally) tallyObservation(tally, o.fields, -1);
      continue;
    }
    const ms = capturedMs(o);
    if (!Number.isFinite(ms)) return null;
    for (let f = fresh[i]; f && before(f.o, f.ms, o, ms); f = fresh[++i]) observations.push(f.o);
    observations.push(o);
  }
  for (const f of fresh.slice(i)) observations.push(f.o);
  if (tally) for (const f of fresh) tallyObservation(tally, f.o.fields, 1);
  return { version, observations, derived: new Map(), tally };
}

type Slot = { scopeKey: string; version: number; entry: Promise<ScopeEntry> };

export function createScopeCache(
  db: Pick<Db, "scanScopedObservations" | "scanScopedChanges">,
  size = 3,
): ScopeCache {
  const slots = new Map<string, Slot>();
  const scan = (ws: string, scope: JournalScope, version: number) =>
    db
      .scanScopedObservations(ws, scope)
      .then(
        (observations): ScopeEntry => ({ version, observations, derived: new Map(), tally: null }),
      );
  /** The newest older entry of the same scope, if any. */
  const baseOf = (scopeKey: string, version: number) => {
    let base: [string, Slot] | undefined;
    for (const s of slots) {
      if (s[1].scopeKey === scopeKey && s[1].version < version) {
        if (!base || s[1].version > base[1].version) base = s;
      }
    }
    return base;
  };
  const derive = <T>(entry: ScopeEntry, name: string, compute: () => T): T => {
    if (!entry.derived.has(name)) entry.derived.set(name, compute());
    return entry.derived.get(name) as T;
  };
  return {
    async get(ws, version, scope) {
      const scopeKey = `${ws}\u0000${JSON.stringify(scope, Object.keys(scope).sort())}`;
      const key = `${scopeKey}\u0000${version}`;
      const hit = slots.get(key);
      if (hit) {
        slots.delete(key);
        slots.set(key, hit);
        return hit.entry;
      }
      const base = baseOf(scopeKey, version);
      let entry: Promise<ScopeEntry>;
      if (base) {
        const [baseKey, { entry: prev }] = base;
        entry = prev.then(async (p) => {
          const changes = await db.scanScopedChanges(ws, scope, p.version);
          return applyScopeChanges(p, changes, version) ?? scan(ws, scope, version);
        });
        // Brought forward: the older entry is not served again once this one is ready.
        entry.then(
          () => slots.delete(baseKey),
          () => {},
        );
      } else {
        entry = scan(ws, scope, version);
      }
      slots.set(key, { scopeKey, version, entry });
      entry.catch(() => slots.delete(key));
      while (slots.size > size) slots.delete(slots.keys().next().value as string);
      return entry;
    },
    derive,
    stats(entry) {
      entry.tally ??= tallyOf(entry.observations);
      const tally = entry.tally;
      return derive(entry, "stats", () => finishStats(tally));
    },
  };
}
