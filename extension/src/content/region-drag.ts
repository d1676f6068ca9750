// Region capture: drag a rectangle over the visible page. The rectangle is
// in CSS pixels relative to the viewport — what the worker crops from
// captureVisibleTab after scaling by the screenshot's device-pixel ratio.
import { createOverlay, type Rect } from "./overlay.ts";

/** Drags smaller than this (CSS px) are treated as a click, i.e. cancel. */
const MIN_SIDE = 8;

export function normaliseRect(x0: number, y0: number, x1: number, y1: number): Rect {
  return {
    x: Math.min(x0, x1),
    y: Math.min(y0, y1),
    width: Math.abs(x1 - x0),
    height: Math.abs(y1 - y0),
  };
}

export function dragRegion(doc: Document, hint: string): Promise<Rect | null> {
  const overlay = createOverlay(doc, hint);
  overlay.setDrag(true);
  const { layer } = overlay;
  return new Promise((resolve) => {
    let start: { x: number; y: number } | null = null;
    const down = (e: MouseEvent) => {
      e.preventDefault();
      start = { x: e.clientX, y: e.clientY };
    };
    const move = (e: MouseEvent) => {
      if (start) overlay.showBox(normaliseRect(start.x, start.y, e.clientX, e.clientY));
    };
    const up = (e: MouseEvent) => {
      if (!start) return;
      const rect = normaliseRect(start.x, start.y, e.clientX, e.clientY);
      finish(rect.width >= MIN_SIDE && rect.height >= MIN_SIDE ? rect : null);
    };
    const key = (e: KeyboardEvent) => {
      if (e.key === "Escape") finish(null);
    };
    const finish = (rect: Rect | null) => {
      layer.removeEventListener("mousedown", down);
      layer.removeEventListener("mousemove", move);
      layer.removeEventListener("mouseup", up);
      doc.removeEventListener("keydown", key, true);
      overlay.remove();
      resolve(rect);
    };
    layer.addEventListener("mousedown", down);
    layer.addEventListener("mousemove", move);
    layer.addEventListener("mouseup", up);
    doc.addEventListener("keydown", key, true);
  });
}
