// Event photos chosen in the panel: scaled down to at most 2048 px on the
// long side and re-encoded as JPEG (phone photos are often over the server's
// 5 MiB cap), then kept in blob storage from this extension page — the
// worker only references blobs it can already find there.

import { MAX_BLOB_BYTES } from "@sightline/shared/blobs";
import type { BlobStorage } from "../worker/blob-storage.ts";

const MAX_SIDE = 2048;

/** Width and height that fit `max` on the long side, keeping the aspect ratio. */
export function fitWithin(
  width: number,
  height: number,
  max = MAX_SIDE,
): { width: number; height: number } {
  const scale = Math.min(1, max / Math.max(width, height));
  return {
    width: Math.max(1, Math.round(width * scale)),
    height: Math.max(1, Math.round(height * scale)),
  };
}

export async function savePhoto(
  file: Blob,
  blobs: BlobStorage,
  now: number,
): Promise<string | null> {
  const bitmap = await createImageBitmap(file);
  try {
    for (const [max, quality] of [
      [MAX_SIDE, 0.85],
      [1600, 0.75],
      [1024, 0.7],
    ] as const) {
      const size = fitWithin(bitmap.width, bitmap.height, max);
      const canvas = new OffscreenCanvas(size.width, size.height);
      canvas.getContext("2d")?.drawImage(bitmap, 0, 0, size.width, size.height);
      const out = await canvas.convertToBlob({ type: "image/jpeg", quality });
      if (out.size <= MAX_BLOB_BYTES)
        return blobs.put(new Uint8Array(await out.arrayBuffer()), "image/jpeg", now);
    }
    return null;
  } finally {
    bitmap.close();
  }
}
