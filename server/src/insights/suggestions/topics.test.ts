import { describe, expect, it } from "vitest";
import { drawOf } from "./topics.ts";

describe("topics: the randomness belongs to the observations", () => {
  it("draws a fixed number in (0, 1) per id and salt", () => {
    const a = drawOf("7c1e-…-01", 1);
    expect(a).toBeGreaterThan(0);
    expect(a).toBeLessThan(1);
    expect(drawOf("7c1e-…-01", 1)).toBe(a);
    expect(drawOf("7c1e-…-01", 2)).not.toBe(a);
    // Spread evenly: of 10,000 ids, about a tenth fall under 0.1.
    let under = 0;
    for (let i = 0; i < 10_000; i++) if (drawOf(`obs-${i}`, 7) < 0.1) under++;
    expect(under).toBeGreaterThan(900);
    expect(under).toBeLessThan(1100);
  });
});
