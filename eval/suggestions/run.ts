// `npm run eval:suggestions`: the product's suggestions beside a same-size
// spherical k-means baseline, per domain and overall, on the held-out split
// (banking and telecom wholly held out; no tuning on it). `--split dev` for
// the split tuning may look at; `--titles` lists every title.
import { loadEvalSet } from "./dataset.ts";
import {
  type DomainRun,
  noTitleChecks,
  overall,
  runSplit,
  type Scores,
  type TitleChecks,
} from "./score.ts";

const split = process.argv.includes("--split")
  ? (process.argv[process.argv.indexOf("--split") + 1] as "dev" | "heldout")
  : "heldout";
const showTitles = process.argv.includes("--titles");
const rows = loadEvalSet();
const t0 = performance.now();
const runs = runSplit(rows, split);
const ms = performance.now() - t0;

const pct = (x: number) => `${(100 * x).toFixed(1)}%`.padStart(7);
const line = (name: string, s: Scores) =>
  `${name.padEnd(34)} ${String(s.clusters).padStart(4)} ${s.purity.toFixed(3).padStart(7)} ${pct(s.textCoverage)} ${pct(s.coveredShare)} ${pct(s.topicCoverage)} ${pct(s.noiseLeftOut)}`;
const out: string[] = [];
out.push(
  `Suggested insights — ${split} split, ${runs.reduce((s, r) => s + r.rows.length, 0)} texts, ${runs.length} domains (one journal each)`,
);
out.push(
  `${"".padEnd(34)} ${"sugg".padStart(4)} ${"purity".padStart(7)} ${"texts".padStart(7)} ${"all".padStart(7)} ${"topics".padStart(7)} ${"noise-".padStart(7)}`,
);
for (const r of runs) {
  out.push(line(`${r.domain}: product`, r.product));
  out.push(line(`${r.domain}: k-means, same k`, r.baseline));
  out.push(line(`${r.domain}: k-means, same coverage`, r.baselineSameCoverage));
}
const product = overall(runs, (r) => r.product);
const baseline = overall(runs, (r) => r.baseline);
const same = overall(runs, (r) => r.baselineSameCoverage);
out.push("");
out.push(line("ALL: product", product));
out.push(line("ALL: k-means, same k", baseline));
out.push(line("ALL: k-means, same coverage", same));
const sum = (pick: (r: DomainRun) => TitleChecks) =>
  runs.reduce((s, r) => {
    const c = pick(r);
    for (const k of Object.keys(s) as (keyof TitleChecks)[]) s[k] += c[k];
    return s;
  }, noTitleChecks());
const titleLine = (name: string, t: TitleChecks) =>
  `${name}: ${t.titles}; whole words of members ${t.wholeWords}/${t.titles}, no stop word at a phrase's ends ${t.noStopWords}/${t.titles}, no repeated word ${t.noRepeats}/${t.titles}, as a member wrote it ${t.asWritten}/${t.titles}, on the main topic ${t.topical}/${t.titles}, with counts ${t.withCounts}/${t.titles}; first need = main topic's need ${t.needMatches}/${t.titles} (another need ${t.needWrong}, none ${t.titles - t.needMatches - t.needWrong})`;
out.push("");
out.push(
  titleLine(
    "Titles (statements)",
    sum((r) => r.titles),
  ),
);
out.push(
  titleLine(
    "Titles as keywords  ",
    sum((r) => r.keywordTitles),
  ),
);
out.push(
  `(purity: share of members on their suggestion's main topic; texts: on-topic texts in a suggestion; all: every text; topics: topics that lead a suggestion; noise-: off-topic texts left out. ${ms.toFixed(0)} ms)`,
);
if (showTitles)
  for (const r of runs as DomainRun[]) {
    out.push(`\n${r.domain}`);
    for (const s of r.suggestions) out.push(`  ${s.title}  [${s.needs.join(",")}]`);
  }
process.stdout.write(`${out.join("\n")}\n`);
