// Benchmark 3: opening a journal (GET /v1/journals/:id) and computing its
// suggestions over 10,000 and 100,000 observations on the real server.
// "First" = the first open of the journal (its scope read in full, stats
// over all of it). "Cold" = the first request after a new observation was
// pushed (the scope cache is per workspace version; the push moves it, and
// the cached scope is brought forward from the observations written since):
// that is what a manager sees on a busy workspace. "Cached" = the same
// request again.
// Baseline for suggestions: the algorithm alone on synthetic data.
import { uuidv4 } from "@sightline/shared";
import { benchSuggestions } from "../server/test/support/bench/suggestions.ts";
import type { Row } from "./table.ts";
import { createMutations } from "./workload.ts";

type Api = <T = unknown>(method: string, path: string, body?: unknown) => Promise<T>;
type Admin = {
  api: Api;
  pair(role: "staff", deviceId: string, storeId?: string): Promise<{ token: string }>;
};

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] as number;
};

async function ms(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

/**
 * `minutes` is the capturedAt span that holds `n` observations in the ingest
 * workload (one observation per device per minute from 2026-11-01).
 */
export async function runJournalBench(
  base: string,
  admin: Admin,
  storeId: string,
  sizes: { n: number; minutes: number }[],
  runs = 7,
): Promise<Row[]> {
  const rows: Row[] = [];
  const alone = benchSuggestions(
    sizes.map((s) => s.n),
    3,
  );
  const deviceId = uuidv4();
  const { token } = await admin.pair("staff", deviceId, storeId);
  let seq = 0;
  const touch = async () => {
    const res = await fetch(`${base}/v1/sync/push`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify({
        protocol: 1,
        deviceId,
        clientSchema: 1,
        appVersion: "bench",
        mutations: createMutations(deviceId, storeId, ++seq, 1),
      }),
    });
    if (res.status !== 200) throw new Error(`push → ${res.status}`);
  };
  for (const [i, s] of sizes.entries()) {
    const from = new Date(Date.UTC(2026, 10, 1)).toISOString();
    const to = new Date(Date.UTC(2026, 10, 1) + s.minutes * 60_000).toISOString();
    const { id } = await admin.api<{ id: string }>("POST", "/v1/journals", {
      title: `Bench ${s.n}`,
      question: "Vì sao khách hỏi giá rồi rời đi?",
      goal: "Giảm tỉ lệ rời đi",
      scope: { from, to },
    });
    const open = () => admin.api("GET", `/v1/journals/${id}`);
    const sugg = () => admin.api("GET", `/v1/journals/${id}/suggestions`);
    const first = await ms(open);
    const cold: number[] = [];
    const coldSugg: number[] = [];
    const cached: number[] = [];
    for (let r = 0; r < runs; r++) {
      await touch();
      cold.push(await ms(open));
      cached.push(await ms(open));
      coldSugg.push(await ms(sugg)); // scope scan cached by the open, suggestions not
    }
    const label = `${s.n.toLocaleString("en-US")} obs`;
    rows.push(
      {
        name: `journal first open, ${label}`,
        value: first,
        unit: "ms",
        note: "full scope read, 1 run",
      },
      {
        name: `journal open cold p50, ${label}`,
        value: percentile(cold, 50),
        unit: "ms",
        baseline: { name: "target", value: 200 },
        note: `${runs} runs, each after a push`,
      },
      { name: `journal open cold p95, ${label}`, value: percentile(cold, 95), unit: "ms" },
      { name: `journal open cached p50, ${label}`, value: percentile(cached, 50), unit: "ms" },
      {
        name: `suggestions cold via HTTP p50, ${label}`,
        value: percentile(coldSugg, 50),
        unit: "ms",
        baseline: { name: "suggest() alone, synthetic", value: alone[i]?.medianMs ?? 0 },
        note: "target < 1,000 ms",
      },
    );
  }
  return rows;
}
