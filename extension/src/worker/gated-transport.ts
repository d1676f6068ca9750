// Blob-before-observation ordering. The guarantee, in two steps:
//
//  1. Capture saves the screenshot in blob storage (durable, awaited)
//     *before* it writes the observation that references it to the outbox
//     (capture-service.ts). So any outbox entry naming a blob has that blob
//     locally, in state pending or uploaded.
//  2. Every push request goes through this transport. Before the request is
//     sent it collects the blob hashes the batch references and asks the
//     uploader to make sure the server holds each one (a pending blob is
//     uploaded right there; uploaded ones cost nothing). If any upload fails,
//     the push is not sent at all: the round fails as a network failure (or
//     as 401) and the scheduler retries later, blobs first again.
//
// Hence the server never receives an observation before its screenshot —
// whatever happens between captures, sync rounds, retries and worker
// restarts — except for a blob the server refused for good (hash mismatch,
// over the size cap): that is recorded and the observation goes on without it
// rather than blocking the queue forever. Sync rounds also upload all pending
// blobs up front (withBlobUploads) so photos go up early; the gate is what
// makes the order a guarantee rather than a likelihood.
import type { SyncEngine, SyncOutcome, Transport } from "@sightline/shared";
import type { BlobUploader } from "./blob-upload.ts";

/** Screenshot hashes referenced by a push body's mutations. */
export function referencedBlobs(body: unknown): string[] {
  const mutations = (body as { mutations?: unknown } | null)?.mutations;
  if (!Array.isArray(mutations)) return [];
  const out: string[] = [];
  for (const m of mutations) {
    const shot = (m as { fields?: { evidence?: { screenshot?: unknown } } }).fields?.evidence
      ?.screenshot;
    if (typeof shot === "string") out.push(shot);
  }
  return out;
}

export function gateTransport(inner: Transport, uploader: BlobUploader): Transport {
  return async (path, body) => {
    if (path === "/v1/sync/push") {
      const shas = referencedBlobs(body);
      if (shas.length > 0) {
        const r = await uploader.ensure(shas);
        if (!r.ok && r.outcome === "unauthorized") return { status: 401, body: undefined };
        if (!r.ok) throw new Error(`screenshot upload failed first: ${r.detail}`);
      }
    }
    return inner(path, body);
  };
}

/** The engine with a blob upload pass at the start of every sync round. */
export function withBlobUploads(engine: SyncEngine, uploader: BlobUploader): SyncEngine {
  return {
    storage: engine.storage,
    write: (w) => engine.write(w),
    async sync(): Promise<SyncOutcome> {
      const up = await uploader.uploadPending();
      if (!up.ok) {
        return {
          ok: false,
          failure: up.outcome === "unauthorized" ? "unauthorized" : "network",
          detail: up.detail,
        };
      }
      return engine.sync();
    },
  };
}
