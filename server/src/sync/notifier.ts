// Pokes after a committed push: "workspace W is now at version V". The port
// lets a PostgreSQL deployment fan out with LISTEN/NOTIFY across instances;
// this in-process implementation serves one SQLite server.
export type PokeListener = (version: number) => void;

export interface Notifier {
  notify(workspaceId: string, version: number): void;
  /** Returns the unsubscribe function. */
  subscribe(workspaceId: string, listener: PokeListener): () => void;
  listenerCount(): number;
}

export function createInProcessNotifier(): Notifier {
  const byWorkspace = new Map<string, Set<PokeListener>>();
  let count = 0;
  return {
    notify(workspaceId, version) {
      for (const l of byWorkspace.get(workspaceId) ?? []) {
        try {
          l(version);
        } catch {
          // One broken listener must not stop the others.
        }
      }
    },
    subscribe(workspaceId, listener) {
      const set = byWorkspace.get(workspaceId) ?? new Set();
      byWorkspace.set(workspaceId, set);
      set.add(listener);
      count++;
      let done = false;
      return () => {
        if (done) return;
        done = true;
        count--;
        set.delete(listener);
        if (set.size === 0) byWorkspace.delete(workspaceId);
      };
    },
    listenerCount: () => count,
  };
}
