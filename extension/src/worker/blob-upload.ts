// Uploads stored blobs content-addressed: PUT /v1/blobs/:sha256 (docs/http-api.md "Blobs").
// 200/201 = the server holds it; 400 (hash mismatch), 413 (over the cap) and
// 415 are final refusals — recorded, never retried, so one bad blob cannot
// block the queue; 401 stops the round (pair again); anything else
// (network, 404, 429, 5xx) is transient and retried on the next round.
import type { BlobStorage, StoredBlob } from "./blob-storage.ts";

export type ServerAccess = () => Promise<{ baseUrl: string; token: string } | null>;
export type UploadOutcome = "uploaded" | "refused" | "unauthorized" | "transient";
export type UploadRound =
  | { ok: true; uploaded: number }
  | { ok: false; outcome: "unauthorized" | "transient"; detail: string };

export type BlobUploader = {
  /** Make sure the server holds each hash (uploading pending ones now). */
  ensure(sha256s: readonly string[]): Promise<UploadRound>;
  /** Upload every pending blob, oldest first; stops at the first transient failure. */
  uploadPending(): Promise<UploadRound>;
};

const FINAL_REFUSALS = new Set([400, 413, 415, 422]);

export function createBlobUploader(o: {
  blobs: BlobStorage;
  fetch: typeof fetch;
  server: ServerAccess;
}): BlobUploader {
  async function upload(b: StoredBlob): Promise<{ outcome: UploadOutcome; detail: string }> {
    const server = await o.server();
    if (!server) return { outcome: "unauthorized", detail: "not paired" };
    let status: number;
    try {
      const res = await o.fetch(new URL(`/v1/blobs/${b.sha256}`, server.baseUrl).toString(), {
        method: "PUT",
        headers: { "content-type": b.type, authorization: `Bearer ${server.token}` },
        body: b.bytes,
        signal: AbortSignal.timeout(60_000),
      });
      status = res.status;
      await res.body?.cancel();
    } catch (e) {
      return { outcome: "transient", detail: e instanceof Error ? e.message : String(e) };
    }
    if (status === 200 || status === 201) {
      await o.blobs.mark(b.sha256, "uploaded");
      return { outcome: "uploaded", detail: "" };
    }
    if (status === 401) return { outcome: "unauthorized", detail: "HTTP 401" };
    if (FINAL_REFUSALS.has(status)) {
      await o.blobs.mark(b.sha256, "refused", `HTTP ${status}`);
      return { outcome: "refused", detail: `HTTP ${status}` };
    }
    return { outcome: "transient", detail: `HTTP ${status}` };
  }

  async function each(list: readonly StoredBlob[]): Promise<UploadRound> {
    let uploaded = 0;
    for (const b of list) {
      const r = await upload(b);
      if (r.outcome === "unauthorized" || r.outcome === "transient")
        return { ok: false, outcome: r.outcome, detail: r.detail };
      if (r.outcome === "uploaded") uploaded++;
    }
    return { ok: true, uploaded };
  }

  return {
    async ensure(sha256s) {
      const pending: StoredBlob[] = [];
      for (const sha of new Set(sha256s)) {
        const b = await o.blobs.get(sha);
        // Missing locally cannot be fixed by waiting; refused is final. Neither blocks.
        if (b?.state === "pending") pending.push(b);
      }
      return each(pending);
    },
    async uploadPending() {
      const list = await o.blobs.pending();
      list.sort((a, b) => a.createdAt - b.createdAt);
      return each(list);
    },
  };
}
