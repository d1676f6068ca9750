// One paired session: the shared sync engine over this device's IndexedDB,
// a scheduler, and the blob uploader wired in front of every push. Created
// when the worker wakes up paired (or right after pairing) and torn down on
// unpair. The MV3 worker may die after 30 s idle; nothing here needs to
// survive that — the outbox and blobs are in IndexedDB and the alarm brings
// the worker (and a sync round) back.
import {
  createFetchTransport,
  createSyncEngine,
  createSyncScheduler,
  DeviceRevokedError,
  type SyncEngine,
  type SyncScheduler,
  type SyncStatus,
  type SyncStorage,
} from "@sightline/shared";
import type { Pairing } from "../messages.ts";
import type { BlobStorage } from "./blob-storage.ts";
import { type BlobUploader, createBlobUploader } from "./blob-upload.ts";
import { gateTransport, withBlobUploads } from "./gated-transport.ts";

export type SyncSession = {
  readonly pairing: Pairing;
  readonly engine: SyncEngine;
  readonly scheduler: SyncScheduler;
  readonly storage: SyncStorage;
  readonly uploader: BlobUploader;
  /** A manager revoked this install: writes are refused, the queue is kept. */
  revoked(): boolean;
  close(): void;
};

export type SessionDeps = {
  pairing: Pairing;
  storage: SyncStorage & { close?(): void };
  blobs: BlobStorage;
  fetch: typeof fetch;
  appVersion: string;
  onStatus(s: SyncStatus): void;
  /** True once a manager revoked this install: the engine refuses writes (nothing is queued). */
  isRevoked(): boolean;
  /** Acked outbox entries are kept this long for re-push after a server restore. */
  keepAckedMs?: number;
};

/** Name of a device's sync database (one per pairing). */
export const syncDbName = (deviceId: string) => `sightline-sync-${deviceId}`;

export async function openSyncSession(d: SessionDeps): Promise<SyncSession> {
  const { pairing } = d;
  await d.storage.init(pairing.deviceId, pairing.workspaceId);
  const server = async () => ({ baseUrl: pairing.serverUrl, token: pairing.token });
  const uploader = createBlobUploader({ blobs: d.blobs, fetch: d.fetch, server });
  const transport = gateTransport(
    createFetchTransport({
      baseUrl: pairing.serverUrl,
      token: () => pairing.token,
      fetch: d.fetch,
    }),
    uploader,
  );
  const synced = withBlobUploads(
    createSyncEngine({
      storage: d.storage,
      transport,
      appVersion: d.appVersion,
      keepAckedMs: d.keepAckedMs ?? 14 * 86_400_000,
    }),
    uploader,
  );
  const engine: SyncEngine = {
    ...synced,
    write: (w) => (d.isRevoked() ? Promise.reject(new DeviceRevokedError()) : synced.write(w)),
  };
  const scheduler = createSyncScheduler({ engine, onStatus: d.onStatus, maxDelayMs: 60_000 });
  return {
    pairing,
    engine,
    scheduler,
    storage: d.storage,
    uploader,
    revoked: d.isRevoked,
    close() {
      scheduler.stop();
      d.storage.close?.();
    },
  };
}
