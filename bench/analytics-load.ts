// Benchmark (issue 18): no report can stall pushes. A real server process
// (SQLite, default rate limits) holds 200,000 observations (feedback and
// store taps over 200 days); four viewers reload analytics reports in loops
// (feedback and behaviour, whole range and last 30 days) while a kiosk keeps
// pushing small batches and a prober polls /health. Targets: /health p99 <
// 50 ms, push p99 < 200 ms. Run alone: `npx tsx bench/analytics-load.ts [n]`.
import { createTestApp, TEST_STORE } from "@sightline/server/testing";
import { hlcFormat, type Mutation, uuidv4, uuidv7 } from "@sightline/shared";
import { adminSession, startServerProcess } from "../test/support/server-process.ts";
import { printTable, type Row } from "./table.ts";

const BEHAVIOURS = ["asked-price", "browsed", "picked-up", "left-without-buying", "purchased"];
const ZONES = ["Cửa vào", "Điện thoại", "Laptop", "Quầy thu ngân"];
const DAY = 86_400_000;

/** Observation #i: every other one a feedback tap, the rest store taps, spread over 200 days. */
function mutation(
  deviceId: string,
  storeId: string,
  seq: number,
  i: number,
  now: number,
): Mutation {
  const capturedAt = new Date(now - DAY - ((i * 7919) % (200 * DAY))).toISOString();
  const fields =
    i % 2
      ? {
          channel: "feedback",
          method: "feedback",
          storeId,
          rating: 1 + (i % 4),
          capturedAt,
          what: `${1 + (i % 4)}`,
          ...(i % 3 ? {} : { reasons: ["price"] }),
        }
      : {
          channel: "store",
          method: "shopper-observation",
          storeId,
          capturedAt,
          what: `Khách ${BEHAVIOURS[i % BEHAVIOURS.length]} #${i}`,
          behaviour: BEHAVIOURS[i % BEHAVIOURS.length],
          zone: ZONES[i % ZONES.length],
        };
  return {
    seq,
    op: "obs.create",
    id: uuidv7(),
    hlc: hlcFormat({ ms: now - 60_000, counter: seq % 1_000_000, node: deviceId }),
    fields,
  };
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? Number.NaN;
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function runAnalyticsLoadBench(
  total = 200_000,
  seconds = 20,
  viewerLoops = 4,
  /** e.g. ["--cpu-prof"] to see where the server's time goes. */
  nodeArgs: string[] = [],
): Promise<Row[]> {
  const server = await startServerProcess({ env: { LOG_LEVEL: "error" }, nodeArgs });
  try {
    const admin = await adminSession(server.base);
    const store = await admin.api<{ id: string }>("POST", "/v1/stores", TEST_STORE);
    const now = Date.now();
    const push = async (d: { deviceId: string; token: string }, mutations: Mutation[]) => {
      const res = await fetch(`${server.base}/v1/sync/push`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${d.token}` },
        body: JSON.stringify({
          protocol: 1,
          deviceId: d.deviceId,
          clientSchema: 1,
          appVersion: "bench",
          mutations,
        }),
      });
      const body = (await res.json()) as { rejected?: unknown[] };
      if (res.status !== 200) throw new Error(`push → ${res.status} ${JSON.stringify(body)}`);
      if (body.rejected?.length)
        throw new Error(`push rejected ${JSON.stringify(body.rejected[0])}`);
    };
    const kiosk = async () => {
      const deviceId = uuidv4();
      const paired = await admin.pair("staff", deviceId, store.id);
      return { deviceId, token: paired.token, seq: 0 };
    };

    // 1. Load: four kiosks in batches of 500.
    const loaders = await Promise.all([0, 1, 2, 3].map(kiosk));
    const per = Math.ceil(total / loaders.length);
    const loadStart = performance.now();
    await Promise.all(
      loaders.map(async (d, k) => {
        for (let done = 0; done < per; done += 500) {
          const n = Math.min(500, per - done);
          const batch = Array.from({ length: n }, (_, j) =>
            mutation(d.deviceId, store.id, ++d.seq, k * per + done + j, now),
          );
          await push(d, batch);
        }
      }),
    );
    const loadSeconds = (performance.now() - loadStart) / 1000;

    // 2. Four viewers, each its own person (rate limits are per person).
    const viewers = await Promise.all(
      [0, 1, 2, 3].map(async (k) => {
        const email = `viewer-${k}@example.com`;
        const password = "bench viewer password";
        await admin.api("POST", "/v1/users", { email, password, role: "viewer" });
        const res = await fetch(`${server.base}/v1/auth/login`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ email, password }),
        });
        return ((await res.json()) as { token: string }).token;
      }),
    );
    const from = new Date(now - 30 * DAY).toISOString().slice(0, 10);
    const reports = [
      "/v1/analytics/feedback",
      "/v1/analytics/behaviour",
      `/v1/analytics/feedback?from=${from}&includeSuspect=1`,
      `/v1/analytics/behaviour?from=${from}&storeId=${store.id}`,
    ];
    // The first report of each channel (the server built its indexes at start
    // and has followed the load since).
    const coldStart = performance.now();
    const cold = await fetch(`${server.base}${reports[0]}`, {
      headers: { authorization: `Bearer ${viewers[0]}` },
    });
    const firstReport = (await cold.json()) as { total: number };
    const coldMs = performance.now() - coldStart;
    await (
      await fetch(`${server.base}${reports[1]}`, {
        headers: { authorization: `Bearer ${viewers[1]}` },
      })
    ).arrayBuffer();

    // 3. Measure for `seconds`: pushes and /health probes, with `loops` report loops.
    const tablet = await kiosk();
    let next = total;
    async function measure(loops: number) {
      let running = true;
      const reportMs: number[] = [];
      let limited = 0;
      const viewing = viewers.slice(0, loops).map(async (token, k) => {
        while (running) {
          const t = performance.now();
          const res = await fetch(`${server.base}${reports[k]}`, {
            headers: { authorization: `Bearer ${token}` },
          });
          await res.arrayBuffer();
          if (res.status === 429) {
            limited++;
            await sleep(Number(res.headers.get("retry-after") ?? 1) * 1000);
            continue;
          }
          if (res.status !== 200) throw new Error(`${reports[k]} → ${res.status}`);
          reportMs.push(performance.now() - t);
        }
      });
      const healthMs: number[] = [];
      const prober = (async () => {
        while (running) {
          const t = performance.now();
          const res = await fetch(`${server.base}/health`);
          await res.arrayBuffer();
          if (res.status !== 200) throw new Error(`/health → ${res.status}`);
          healthMs.push(performance.now() - t);
          await sleep(20);
        }
      })();
      const pushMs: number[] = [];
      const pusher = (async () => {
        while (running) {
          const batch = Array.from({ length: 5 }, () =>
            mutation(tablet.deviceId, store.id, ++tablet.seq, next++, now),
          );
          const t = performance.now();
          await push(tablet, batch);
          pushMs.push(performance.now() - t);
          await sleep(50);
        }
      })();
      await sleep(seconds * 1000);
      running = false;
      await Promise.all([...viewing, prober, pusher]);
      return { reportMs, limited, healthMs, pushMs };
    }
    const quiet = await measure(0);
    const { reportMs, limited, healthMs, pushMs } = await measure(viewerLoops);

    const healthP99 = pct(healthMs, 99);
    const pushP99 = pct(pushMs, 99);
    return [
      {
        name: `analytics load: ${total.toLocaleString("en-US")} obs loaded`,
        value: total / loadSeconds,
        unit: "obs/s",
      },
      {
        name: "analytics load: first report after the load (index kept warm)",
        value: coldMs,
        unit: "ms",
        note: `${firstReport.total.toLocaleString("en-US")} feedback taps counted`,
      },
      {
        name: "analytics load: reports answered (4 viewers)",
        value: reportMs.length / seconds,
        unit: "reports/s",
        note: `p50 ${pct(reportMs, 50).toFixed(1)} ms, p99 ${pct(reportMs, 99).toFixed(1)} ms; ${limited} rate-limited`,
      },
      {
        name: "analytics load: /health p99 while reports run",
        value: healthP99,
        unit: "ms",
        baseline: { name: "same, no reports running", value: pct(quiet.healthMs, 99) },
        note: `target < 50 ms; ${healthMs.length} probes, max ${Math.max(...healthMs).toFixed(1)} ms`,
      },
      {
        name: "analytics load: push p99 while reports run",
        value: pushP99,
        unit: "ms",
        baseline: { name: "same, no reports running", value: pct(quiet.pushMs, 99) },
        note: `target < 200 ms; ${pushMs.length} pushes of 5, p50 ${pct(pushMs, 50).toFixed(1)} ms`,
      },
    ];
  } finally {
    await server.stop();
    await server.dispose();
  }
}

/**
 * What one report costs the event loop, without HTTP or other processes in
 * the way: the same app in process (in-memory SQLite) with `total`
 * observations — cold build, warm answers, and answers right after a push
 * (the catch-up from the changes).
 */
export async function reportCostRows(total = 200_000): Promise<Row[]> {
  const t = await createTestApp();
  try {
    const k = await t.pair("staff");
    const now = Date.now();
    let seq = 0;
    for (let done = 0; done < total; done += 500) {
      const batch = Array.from({ length: Math.min(500, total - done) }, (_, j) =>
        mutation(k.deviceId, t.storeId, ++seq, done + j, now),
      );
      const res = await t.push(k, batch);
      if (res.status !== 200) throw new Error(`push → ${res.status}`);
    }
    const time = async (path: string) => {
      const t0 = performance.now();
      const res = await t.request(path, { token: t.admin.token });
      await res.text();
      return performance.now() - t0;
    };
    const cold = (await time("/v1/analytics/feedback")) + (await time("/v1/analytics/behaviour"));
    const warm: number[] = [];
    for (let i = 0; i < 40; i++)
      warm.push(await time(i % 2 ? "/v1/analytics/feedback" : "/v1/analytics/behaviour"));
    const afterPush: number[] = [];
    for (let i = 0; i < 40; i++) {
      await t.push(
        k,
        Array.from({ length: 5 }, (_, j) =>
          mutation(k.deviceId, t.storeId, ++seq, total + i * 5 + j, now),
        ),
      );
      afterPush.push(await time("/v1/analytics/feedback"));
    }
    return [
      {
        name: `report cost in process: cold build of both indexes (${total.toLocaleString("en-US")} obs)`,
        value: cold,
        unit: "ms",
        note: `in pages of ${500} rows with a yield between pages`,
      },
      { name: "report cost in process: warm report p50", value: pct(warm, 50), unit: "ms" },
      {
        name: "report cost in process: report right after a push, p50",
        value: pct(afterPush, 50),
        unit: "ms",
        note: `p99 ${pct(afterPush, 99).toFixed(1)} ms`,
      },
    ];
  } finally {
    await t.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const n = Number(process.argv[2] ?? 200_000);
  const rows = [...(await reportCostRows(n)), ...(await runAnalyticsLoadBench(n))];
  process.stdout.write(`${printTable(rows)}\n`);
}
