import { describe, expect, it } from "vitest";
import { cropRect, screenshotScale } from "./crop-math.ts";

const viewport = (width: number, height: number, devicePixelRatio: number) => ({
  width,
  height,
  devicePixelRatio,
});

describe("cropRect", () => {
  it("is the box itself at devicePixelRatio 1", () => {
    expect(
      cropRect({ x: 10, y: 20, width: 100, height: 50 }, viewport(800, 600, 1), {
        width: 800,
        height: 600,
      }),
    ).toEqual({
      sx: 10,
      sy: 20,
      sw: 100,
      sh: 50,
    });
  });

  it("scales CSS px to device px (HiDPI) and rounds outwards", () => {
    const r = cropRect({ x: 10.4, y: 20.6, width: 100.2, height: 50 }, viewport(800, 600, 2), {
      width: 1600,
      height: 1200,
    });
    expect(r).toEqual({ sx: 20, sy: 41, sw: 202, sh: 101 });
  });

  it("reads the scale from the image, not devicePixelRatio, when they disagree (zoom)", () => {
    expect(screenshotScale(viewport(1000, 500, 1.25), { width: 1500, height: 750 })).toBe(1.5);
    expect(
      cropRect({ x: 100, y: 100, width: 10, height: 10 }, viewport(1000, 500, 1.25), {
        width: 1500,
        height: 750,
      }),
    ).toEqual({
      sx: 150,
      sy: 150,
      sw: 15,
      sh: 15,
    });
  });

  it("adds padding and clamps to the image", () => {
    const r = cropRect(
      { x: 2, y: 590, width: 50, height: 40 },
      viewport(800, 600, 1),
      { width: 800, height: 600 },
      4,
    );
    expect(r).toEqual({ sx: 0, sy: 586, sw: 56, sh: 14 });
  });

  it("is null for a box outside the visible area or too small", () => {
    const v = viewport(800, 600, 1);
    const img = { width: 800, height: 600 };
    expect(cropRect({ x: 10, y: 700, width: 100, height: 50 }, v, img)).toBeNull();
    expect(cropRect({ x: -200, y: 10, width: 100, height: 50 }, v, img)).toBeNull();
    expect(cropRect({ x: 10, y: 10, width: 1, height: 1 }, v, img)).toBeNull();
  });
});
