// Parameter sweeps on the dev split only (the held-out split is for the
// final figures): `npx tsx eval/suggestions/tune.ts`. Prints one line per
// setting: overall purity, the baseline's at the same coverage, coverage of
// texts and topics, titles whose first need is the topic's.

import type { SuggestOptions } from "../../server/src/insights/suggestions/suggest.ts";
import { loadEvalSet } from "./dataset.ts";
import { overall, runSplit } from "./score.ts";

const rows = loadEvalSet();
const grid: SuggestOptions[] = JSON.parse(process.argv[2] ?? "[{}]");
for (const o of grid) {
  const runs = runSplit(rows, "dev", o);
  const p = overall(runs, (r) => r.product);
  const b = overall(runs, (r) => r.baselineSameCoverage);
  const needs = runs.reduce((s, r) => s + r.titles.needMatches, 0);
  const titles = runs.reduce((s, r) => s + r.titles.titles, 0);
  process.stdout.write(
    `${JSON.stringify(o).padEnd(60)} purity ${p.purity.toFixed(3)} (k-means ${b.purity.toFixed(3)}) texts ${(100 * p.textCoverage).toFixed(1)}% topics ${(100 * p.topicCoverage).toFixed(1)}% noise-out ${(100 * p.noiseLeftOut).toFixed(0)}% needs ${needs}/${titles}\n`,
  );
}
