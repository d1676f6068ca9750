// Benchmark 3: opening a journal (GET /v1/journals/:id) and computing its
// suggestions over 10,000 and 100,000 observations on the real server, plus
// the suggestion algorithm alone (no HTTP, no database) as its baseline.
import { benchSuggestions } from "../server/src/insights/bench-suggestions.ts";
import type { Row } from "./table.ts";

type Api = <T = unknown>(method: string, path: string, body?: unknown) => Promise<T>;

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] as number;
};

async function timed(fn: () => Promise<unknown>, runs: number): Promise<number[]> {
  await fn(); // warm-up
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    out.push(performance.now() - t0);
  }
  return out;
}

/**
 * `minutes` is the capturedAt span that holds `n` observations in the ingest
 * workload (one observation per device per minute from 2026-11-01).
 */
export async function runJournalBench(
  api: Api,
  sizes: { n: number; minutes: number }[],
): Promise<Row[]> {
  const rows: Row[] = [];
  const alone = benchSuggestions(
    sizes.map((s) => s.n),
    3,
  );
  for (const [i, s] of sizes.entries()) {
    const from = new Date(Date.UTC(2026, 10, 1)).toISOString();
    const to = new Date(Date.UTC(2026, 10, 1) + s.minutes * 60_000).toISOString();
    const { id } = await api<{ id: string }>("POST", "/v1/journals", {
      title: `Bench ${s.n}`,
      question: "Vì sao khách hỏi giá rồi rời đi?",
      goal: "Giảm tỉ lệ rời đi",
      scope: { from, to },
    });
    const open = await timed(() => api("GET", `/v1/journals/${id}`), 15);
    const sugg = await timed(() => api("GET", `/v1/journals/${id}/suggestions`), 3);
    const label = `${s.n.toLocaleString("en-US")} obs`;
    rows.push(
      {
        name: `journal open p50, ${label}`,
        value: percentile(open, 50),
        unit: "ms",
        baseline: { name: "target", value: 200 },
      },
      { name: `journal open p95, ${label}`, value: percentile(open, 95), unit: "ms" },
      {
        name: `suggestions via HTTP, ${label}`,
        value: percentile(sugg, 50),
        unit: "ms",
        baseline: { name: "suggest() alone, synthetic", value: alone[i]?.medianMs ?? 0 },
        note: "target < 1,000 ms",
      },
    );
  }
  return rows;
}
