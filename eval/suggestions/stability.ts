// How much do suggestions move when a few new observations arrive? A manager
// who reads the journal twice in a day should not find different topics
// because 1 % more texts came in. For journals of the bench's realistic
// texts (bench/suggestions.ts), each suggestion's members before are matched
// with the closest suggestion after (Jaccard of member ids, best match), and
// the mean over suggestions is printed beside the same figure for the plain
// k-means baseline (baseline.ts, k = the product's count, same seed).
//   npx tsx eval/suggestions/stability.ts
import { observationFeatures } from "@sightline/shared/text/features";
import { realisticObservations } from "../../bench/suggestions.ts";
import type { SuggestObservation } from "../../server/src/insights/suggestions/observation.ts";
import { suggest } from "../../server/src/insights/suggestions/suggest.ts";
import { baselineClusters } from "./baseline.ts";
import { meanBestJaccard } from "./jaccard.ts";

const textOf = (o: SuggestObservation) => [o.what, o.why].filter(Boolean).join("\n");

function journal(n: number, seed: number): SuggestObservation[] {
  return realisticObservations(n, seed).map((o) => ({
    ...o,
    features: observationFeatures(o as never),
  }));
}

const rows: string[] = [];
const means = { product: 0, baseline: 0 };
const sizes: [number, number][] = [
  [800, 3],
  [2000, 1],
  [5000, 2],
];
for (const [n, seed] of sizes) {
  const base = journal(n, seed);
  const extra = journal(Math.ceil(n / 100), seed + 100).map((o, i) => ({ ...o, id: `new-${i}` }));
  const next = [...base, ...extra];
  const product = (list: SuggestObservation[]) =>
    suggest(list, { limit: 12 }).suggestions.map((s) => s.observationIds);
  const before = product(base);
  const p = meanBestJaccard(before, product(next));
  const k = before.length;
  const kmeans = (list: SuggestObservation[]) =>
    baselineClusters(
      list.map((o) => ({ id: o.id, text: textOf(o) })),
      k,
    ).map((c) => c.members.map((m) => m.id));
  const b = meanBestJaccard(kmeans(base), kmeans(next));
  means.product += p / sizes.length;
  means.baseline += b / sizes.length;
  rows.push(
    `${String(n).padStart(6)} obs + ${extra.length}: product ${p.toFixed(3)}   k-means ${b.toFixed(3)}`,
  );
}
console.log("Suggestions kept when 1 % new observations arrive (mean best Jaccard of members)");
for (const r of rows) console.log(r);
console.log(`  mean: product ${means.product.toFixed(3)}   k-means ${means.baseline.toFixed(3)}`);
