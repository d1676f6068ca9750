// Screenshots in the worker: captureVisibleTab (through the 2-calls/s queue),
// then a crop to the captured element or region with OffscreenCanvas (there
// is no DOM canvas in a service worker). PNG keeps text crisp; a crop that
// would exceed the server's 5 MiB cap is re-encoded as JPEG.
import { MAX_BLOB_BYTES } from "@sightline/shared/blobs";
import type { Box, Viewport } from "../messages.ts";
import { cropRect } from "./crop-math.ts";
import type { IntervalQueue } from "./throttle.ts";

/** Chrome answers this when the per-second quota is hit anyway (another extension, a race). */
const QUOTA_ERROR = /MAX_CAPTURE_VISIBLE_TAB_CALLS_PER_SECOND/;

export type Image = { bytes: Uint8Array; type: "image/png" | "image/jpeg" };

export type Screenshotter = {
  /** The visible area of `windowId`, cropped to `box` when given. Null when the box is off-screen. */
  capture(windowId: number, viewport: Viewport, box?: Box): Promise<Image | null>;
};

export function createScreenshotter(o: {
  captureVisibleTab(windowId: number): Promise<string>;
  queue: IntervalQueue;
  sleep(ms: number): Promise<void>;
}): Screenshotter {
  const grab = async (windowId: number): Promise<string> => {
    try {
      return await o.queue.run(() => o.captureVisibleTab(windowId));
    } catch (e) {
      if (!QUOTA_ERROR.test(String(e))) throw e;
      await o.sleep(1000);
      return o.queue.run(() => o.captureVisibleTab(windowId));
    }
  };
  return {
    async capture(windowId, viewport, box) {
      const dataUrl = await grab(windowId);
      const blob = await (await fetch(dataUrl)).blob();
      const bitmap = await createImageBitmap(blob);
      try {
        const rect = box
          ? cropRect(box, viewport, bitmap, 4)
          : { sx: 0, sy: 0, sw: bitmap.width, sh: bitmap.height };
        if (!rect) return null;
        const canvas = new OffscreenCanvas(rect.sw, rect.sh);
        const ctx = canvas.getContext("2d");
        if (!ctx) throw new Error("no 2d context");
        ctx.drawImage(bitmap, rect.sx, rect.sy, rect.sw, rect.sh, 0, 0, rect.sw, rect.sh);
        let out = await canvas.convertToBlob({ type: "image/png" });
        let type: Image["type"] = "image/png";
        if (out.size > MAX_BLOB_BYTES) {
          out = await canvas.convertToBlob({ type: "image/jpeg", quality: 0.85 });
          type = "image/jpeg";
        }
        if (out.size > MAX_BLOB_BYTES) return null;
        return { bytes: new Uint8Array(await out.arrayBuffer()), type };
      } finally {
        bitmap.close();
      }
    },
  };
}
