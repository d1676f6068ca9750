// Suggestions over synthetic journals (synthetic.ts) of 10,000 and 100,000
// observations. `npm run bench` calls benchSuggestions(). Reported: wall
// time of one suggest() call after a warm-up run, median of `runs`, and
// the process CPU time of that call (GC helper threads included), since
// wall time on a shared 2-core machine also measures the neighbours.
import { suggest } from "../../../src/insights/suggestions/suggest.ts";
import { syntheticObservations } from "./synthetic.ts";

export type SuggestionBench = {
  name: string;
  observations: number;
  /** Distinct what/why/quote texts: the text work scales with these. */
  distinctTexts: number;
  medianMs: number;
  medianCpuMs: number;
  runs: number[];
  suggestions: number;
  timeLinks: number;
};

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

export function benchSuggestions(
  sizes: readonly number[] = [10_000, 100_000],
  runs = 5,
): SuggestionBench[] {
  const reasonNeeds = new Map([
    ["too-expensive", "price" as const],
    ["slow-checkout", "efficiency" as const],
  ]);
  return sizes.map((n) => {
    const observations = syntheticObservations(n);
    let last = suggest(observations, { reasonNeeds });
    const wall: number[] = [];
    const cpu: number[] = [];
    for (let i = 0; i < runs; i++) {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      last = suggest(observations, { reasonNeeds });
      wall.push(Math.round(performance.now() - t0));
      const c = process.cpuUsage(c0);
      cpu.push(Math.round((c.user + c.system) / 1000));
    }
    const texts = new Set(
      observations.map((o) => `${o.what}\n${o.why ?? ""}\n${o.evidence?.quote ?? ""}`),
    );
    return {
      name: `suggestions over ${n} observations`,
      observations: n,
      distinctTexts: texts.size,
      medianMs: median(wall),
      medianCpuMs: median(cpu),
      runs: wall,
      suggestions: last.suggestions.length,
      timeLinks: last.timeLinks.length,
    };
  });
}
