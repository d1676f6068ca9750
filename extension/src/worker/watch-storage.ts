// Watched pages, kept on this device in their own small IndexedDB database
// (like blob storage, apart from the sync engine's): each watch with what it
// last knew, and per site when the last request went out, so the one-request-
// a-minute limit holds across worker restarts.
import { type DBSchema, type IDBPDatabase, openDB } from "idb";
import type { WatchTarget } from "../capture/watch-target.ts";

/** Why a watched page could not be re-checked, as the panel says it. */
export type WatchProblem = "no-permission" | "fetch-failed" | "gone";

export type Watch = {
  id: string;
  /** The capture it follows. */
  observationId: string;
  url: string;
  title: string;
  competitorId?: string | undefined;
  /** What the watch knows now: updated after each recorded change. */
  target: WatchTarget;
  createdAt: number;
  nextCheckAt: number;
  lastCheckedAt: number | null;
  lastChangedAt: number | null;
  changes: number;
  problem: WatchProblem | null;
  /** For fetch-failed: "HTTP 503", or a code (timeout, network, not-html, too-large, unreadable). */
  problemDetail?: string | undefined;
  /**
   * A change decided but not yet in the outbox. Stored before the write, so a
   * worker stopped in between writes it on the next tick (never lost), and
   * the new target is stored with it (never recorded twice).
   */
  pending?: { id: string; fields: Record<string, unknown> } | undefined;
};

interface WatchDB extends DBSchema {
  watches: { key: string; value: Watch };
  sites: { key: string; value: { origin: string; lastRequestAt: number } };
}

export interface WatchStorage {
  list(): Promise<Watch[]>;
  get(id: string): Promise<Watch | undefined>;
  put(w: Watch): Promise<void>;
  remove(id: string): Promise<void>;
  lastRequestAt(origin: string): Promise<number | undefined>;
  setLastRequestAt(origin: string, at: number): Promise<void>;
  clear(): Promise<void>;
  close(): void;
}

export const WATCH_DB = "sightline-watches";

export async function openWatchStorage(name = WATCH_DB): Promise<WatchStorage> {
  const db: IDBPDatabase<WatchDB> = await openDB<WatchDB>(name, 1, {
    upgrade(d) {
      d.createObjectStore("watches", { keyPath: "id" });
      d.createObjectStore("sites", { keyPath: "origin" });
    },
  });
  return {
    list: () => db.getAll("watches"),
    get: (id) => db.get("watches", id),
    put: async (w) => {
      await db.put("watches", w);
    },
    remove: (id) => db.delete("watches", id),
    lastRequestAt: async (origin) => (await db.get("sites", origin))?.lastRequestAt,
    setLastRequestAt: async (origin, at) => {
      await db.put("sites", { origin, lastRequestAt: at });
    },
    async clear() {
      const tx = db.transaction(["watches", "sites"], "readwrite");
      await Promise.all([
        tx.objectStore("watches").clear(),
        tx.objectStore("sites").clear(),
        tx.done,
      ]);
    },
    close: () => db.close(),
  };
}
