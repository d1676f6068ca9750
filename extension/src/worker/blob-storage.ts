// Screenshots and event photos, content-addressed, in their own small
// IndexedDB database (separate from the sync database, which belongs to the
// shared engine). A blob is stored here *before* the observation that
// references it is written to the outbox, and stays "pending" until the
// server has confirmed it (see gated-transport.ts for the ordering).
import { type DBSchema, deleteDB, type IDBPDatabase, openDB } from "idb";
import { sha256Hex } from "./sha256.ts";

export type BlobState = "pending" | "uploaded" | "refused";

export type StoredBlob = {
  sha256: string;
  type: string;
  bytes: ArrayBuffer;
  size: number;
  createdAt: number;
  state: BlobState;
  /** Why the server refused it (hash mismatch, too large); never retried. */
  refusal?: string;
};

interface BlobDB extends DBSchema {
  blobs: { key: string; value: StoredBlob; indexes: { state: BlobState } };
}

export interface BlobStorage {
  /** Save bytes (idempotent per hash) and resolve with the hash once durable. */
  put(bytes: Uint8Array, type: string, now: number): Promise<string>;
  get(sha256: string): Promise<StoredBlob | undefined>;
  pending(): Promise<StoredBlob[]>;
  countPending(): Promise<number>;
  mark(sha256: string, state: "uploaded" | "refused", refusal?: string): Promise<void>;
  clear(): Promise<void>;
  close(): void;
}

export const BLOB_DB = "sightline-blobs";

export async function openBlobStorage(name = BLOB_DB): Promise<BlobStorage> {
  const db: IDBPDatabase<BlobDB> = await openDB<BlobDB>(name, 1, {
    upgrade(d) {
      d.createObjectStore("blobs", { keyPath: "sha256" }).createIndex("state", "state");
    },
  });
  return {
    async put(bytes, type, now) {
      const sha256 = await sha256Hex(bytes);
      const tx = db.transaction("blobs", "readwrite");
      const existing = await tx.store.get(sha256);
      if (!existing) {
        // Copy into a standalone ArrayBuffer: a view may share a larger buffer.
        const copy = bytes.slice().buffer as ArrayBuffer;
        await tx.store.put({
          sha256,
          type,
          bytes: copy,
          size: bytes.byteLength,
          createdAt: now,
          state: "pending",
        });
      }
      await tx.done;
      return sha256;
    },
    get: (sha256) => db.get("blobs", sha256),
    pending: () => db.getAllFromIndex("blobs", "state", "pending"),
    countPending: () => db.countFromIndex("blobs", "state", "pending"),
    async mark(sha256, state, refusal) {
      const tx = db.transaction("blobs", "readwrite");
      const b = await tx.store.get(sha256);
      if (b) await tx.store.put({ ...b, state, ...(refusal ? { refusal } : {}) });
      await tx.done;
    },
    clear: () => db.clear("blobs"),
    close: () => db.close(),
  };
}

/** Remove the whole blob database (unpair). */
export function deleteBlobStorage(name = BLOB_DB): Promise<void> {
  return deleteDB(name);
}
