// Suggestions stay put when a few rows arrive (stability.ts prints the
// figures for journals of every size; this is the case that moved most).
import { observationFeatures } from "@sightline/shared/text/features";
import { describe, expect, it } from "vitest";
import { realisticObservations } from "../../bench/suggestions.ts";
import { suggest } from "../../server/src/insights/suggestions/suggest.ts";
import { meanBestJaccard } from "./jaccard.ts";

const journal = (n: number, seed: number) =>
  realisticObservations(n, seed).map((o) => ({ ...o, features: observationFeatures(o as never) }));

describe("suggestions' stability", () => {
  it("keeps a large journal's topics when 1 % new rows arrive (the sample and seeds go by id)", () => {
    // Sampled journals moved most: an evenly strided sample shifts wholly
    // when rows are added, and seeds drawn by position change with it
    // (mean best Jaccard 0.79 and 0.78 here before draws went by id).
    for (const seed of [4, 6]) {
      const base = journal(3000, seed);
      const extra = journal(30, seed + 50).map((o, i) => ({ ...o, id: `new-${i}` }));
      const groups = (list: typeof base) =>
        suggest(list, { limit: 12, sample: 1000 }).suggestions.map((s) => s.observationIds);
      expect(meanBestJaccard(groups(base), groups([...base, ...extra]))).toBeGreaterThan(0.9);
    }
  });
});
