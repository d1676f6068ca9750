// Every observation of a journal's scope, loaded once per workspace version:
// opening a journal (stats) and asking for suggestions both need the whole
// scope, and at 100k observations the load dominates. Entries are keyed by
// workspace + version + scope, so once the version moves (any push, import
// or config change) an entry is never served again; it ages out. Three
// entries are kept (LRU; each holds a whole scope in memory); derived
// results (stats, suggestions) ride along.
import type { JournalScope } from "./model.ts";
import type { JournalStore, ScannedObservation } from "./store-port.ts";

export type ScopeEntry = {
  version: number;
  observations: ScannedObservation[];
  /** Results computed from `observations`, by name ("stats", "suggestions:vi"…). */
  derived: Map<string, unknown>;
};

export type ScopeCache = {
  get(workspaceId: string, version: number, scope: JournalScope): Promise<ScopeEntry>;
  /** A derived result, computed once per entry. */
  derive<T>(entry: ScopeEntry, name: string, compute: () => T): T;
};

export function createScopeCache(
  store: Pick<JournalStore, "scanScopedObservations">,
  size = 3,
): ScopeCache {
  const entries = new Map<string, Promise<ScopeEntry>>();
  return {
    async get(ws, version, scope) {
      const key = `${ws}\u0000${version}\u0000${JSON.stringify(scope, Object.keys(scope).sort())}`;
      let hit = entries.get(key);
      if (hit) {
        entries.delete(key);
        entries.set(key, hit);
        return hit;
      }
      hit = store.scanScopedObservations(ws, scope).then((observations) => ({
        version,
        observations,
        derived: new Map(),
      }));
      entries.set(key, hit);
      hit.catch(() => entries.delete(key));
      while (entries.size > size) entries.delete(entries.keys().next().value as string);
      return hit;
    },
    derive(entry, name, compute) {
      if (!entry.derived.has(name)) entry.derived.set(name, compute());
      return entry.derived.get(name) as never;
    },
  };
}
