// Where to cut a box out of a `captureVisibleTab` image. The box is in CSS
// pixels relative to the viewport; the image is in device pixels. The scale
// is read from the image itself (image width ÷ viewport width) rather than
// trusted from devicePixelRatio alone, because page zoom and OS scaling both
// change it; devicePixelRatio is the fallback when the viewport is unknown.
import type { Box, Viewport } from "../messages.ts";

export type CropRect = { sx: number; sy: number; sw: number; sh: number };

/** Smallest crop worth keeping, in device pixels. */
const MIN_SIDE = 2;

/** The device-pixel scale of a screenshot of `viewport`. */
export function screenshotScale(
  viewport: Viewport,
  image: { width: number; height: number },
): number {
  const measured = image.width / viewport.width;
  return Number.isFinite(measured) && measured > 0 ? measured : viewport.devicePixelRatio;
}

/**
 * The part of the image showing `box` (plus `padding` CSS px around it),
 * rounded outwards to whole pixels and clamped to the image. Null when the box
 * is off-screen or too small to show anything.
 */
export function cropRect(
  box: Box,
  viewport: Viewport,
  image: { width: number; height: number },
  padding = 0,
): CropRect | null {
  const scale = screenshotScale(viewport, image);
  const left = Math.max(0, Math.floor((box.x - padding) * scale));
  const top = Math.max(0, Math.floor((box.y - padding) * scale));
  const right = Math.min(image.width, Math.ceil((box.x + box.width + padding) * scale));
  const bottom = Math.min(image.height, Math.ceil((box.y + box.height + padding) * scale));
  const sw = right - left;
  const sh = bottom - top;
  if (sw < MIN_SIDE || sh < MIN_SIDE) return null;
  return { sx: left, sy: top, sw, sh };
}
