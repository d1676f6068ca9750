// The worker must register its listeners synchronously at start-up, before
// IndexedDB has opened; this BlobStorage opens on first use and then forwards.
import type { BlobStorage } from "./blob-storage.ts";

export function lazyBlobStorage(open: () => Promise<BlobStorage>): BlobStorage {
  let db: Promise<BlobStorage> | null = null;
  const get = () => {
    db ??= open().catch((e: unknown) => {
      db = null;
      throw e;
    });
    return db;
  };
  return {
    put: async (bytes, type, now) => (await get()).put(bytes, type, now),
    get: async (sha) => (await get()).get(sha),
    pending: async () => (await get()).pending(),
    countPending: async () => (await get()).countPending(),
    mark: async (sha, state, refusal) => (await get()).mark(sha, state, refusal),
    clear: async () => (await get()).clear(),
    close: () => {
      void db?.then((b) => b.close());
      db = null;
    },
  };
}
