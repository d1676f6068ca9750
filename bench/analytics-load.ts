// Benchmark (issue 18): no report can stall pushes. A real server process
// (SQLite, default rate limits) holds 200,000 observations (feedback and
// store taps over 200 days); four viewers reload analytics reports in loops
// (feedback and behaviour, whole range and last 30 days) while a kiosk keeps
// pushing small batches and a prober polls /health. Targets: /health p99 <
// 50 ms, push p99 < 200 ms. The server is the built one (server/dist, plain
// node, as production runs it), so `npm run bench` builds first; run alone:
// `npm run build && npx tsx bench/analytics-load.ts [n]`.

import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
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

/**
 * CPU seconds a process has used (user + system, from /proc; NaN elsewhere):
 * on a shared machine the server's CPU per second of wall time says whether
 * its one event loop was saturated (≈ 1.0) or waiting for the machine.
 */
function cpuSeconds(pid: number | undefined): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(f[11]) + Number(f[12])) / 100; // utime, stime in clock ticks (USER_HZ 100)
  } catch {
    return Number.NaN;
  }
}

export async function runAnalyticsLoadBench(
  total = 200_000,
  seconds = 20,
  viewerLoops = 4,
  /** e.g. ["--cpu-prof"] to see where the server's time goes. */
  nodeArgs: string[] = [],
): Promise<Row[]> {
  // The server's event loop, second by second (bench/event-loop-probe.mjs).
  const probeFile = join(mkdtempSync(join(os.tmpdir(), "loop-probe-")), "loop.jsonl");
  const probe = fileURLToPath(new URL("./event-loop-probe.mjs", import.meta.url));
  const built = fileURLToPath(new URL("../server/dist/main.js", import.meta.url));
  if (!existsSync(built)) throw new Error(`no ${built}: run npm run build first`);
  const server = await startServerProcess({
    env: { LOG_LEVEL: "error", EVENT_LOOP_PROBE_FILE: probeFile },
    nodeArgs: [...nodeArgs, "--import", probe],
    entry: "server/dist/main.js",
  });
  /** Mean loop utilisation and CPU cores, and the worst loop delay, between two instants. */
  const loopBetween = (from: number, to: number) => {
    const lines = existsSync(probeFile)
      ? readFileSync(probeFile, "utf8")
          .split("\n")
          .filter(Boolean)
          .map((l) => JSON.parse(l) as { at: number; elu: number; cpu: number; max: number })
          .filter((l) => l.at > from + 1000 && l.at <= to)
      : [];
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(xs.length, 1);
    return {
      elu: mean(lines.map((l) => l.elu)),
      cores: mean(lines.map((l) => l.cpu)),
      maxDelay: Math.max(0, ...lines.map((l) => l.max)),
    };
  };
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

    // 2. Four viewers, each its own person (rate limits are per person: a
    // burst of 600, then 20 a second), and four more for the control, so
    // it starts with full buckets too.
    const people = await Promise.all(
      [0, 1, 2, 3, 4, 5, 6, 7].map(async (k) => {
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
    const viewers = people.slice(0, 4);
    const controlViewers = people.slice(4);
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
    /**
     * `loops` viewers reloading `paths` (the reports, or a control) beside
     * the pusher and the /health prober; the server's CPU use alongside.
     */
    async function measure(
      loops: number,
      paths: readonly string[] = reports,
      tokens: readonly string[] = viewers,
    ) {
      let running = true;
      const at0 = Date.now();
      const cpu0 = cpuSeconds(server.pid());
      const wall0 = performance.now();
      // The server's busiest second: 1.0 = its one event loop never idle.
      let peakCores = 0;
      let last = cpu0;
      const sampler = setInterval(() => {
        const now = cpuSeconds(server.pid());
        peakCores = Math.max(peakCores, now - last);
        last = now;
      }, 1000);
      const reportMs: number[] = [];
      let limited = 0;
      const viewing = tokens.slice(0, loops).map(async (token, k) => {
        while (running) {
          const t = performance.now();
          const res = await fetch(`${server.base}${paths[k]}`, {
            headers: { authorization: `Bearer ${token}` },
          });
          await res.arrayBuffer();
          if (res.status === 429) {
            limited++;
            await sleep(Number(res.headers.get("retry-after") ?? 1) * 1000);
            continue;
          }
          if (res.status !== 200) throw new Error(`${paths[k]} → ${res.status}`);
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
      clearInterval(sampler);
      const serverCores = (cpuSeconds(server.pid()) - cpu0) / ((performance.now() - wall0) / 1000);
      const loop = loopBetween(at0, Date.now());
      return { reportMs, limited, healthMs, pushMs, serverCores, peakCores, loop };
    }
    const quiet = await measure(0);
    const { reportMs, limited, healthMs, pushMs, serverCores, peakCores, loop } =
      await measure(viewerLoops);
    const loopNote = (l: typeof loop) =>
      `loop busy ${(l.elu * 100).toFixed(0)} % of wall time on ${l.cores.toFixed(2)} cores, worst loop delay ${l.maxDelay.toFixed(0)} ms`;
    // The control: the same four loops of the cheapest authenticated GET. If
    // /health and pushes suffer as much here, the reports are not the cause:
    // four tight request loops saturate the one event loop on this machine.
    const control = await measure(
      viewerLoops,
      Array(viewerLoops).fill("/v1/auth/me"),
      controlViewers,
    );

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
        note: `p50 ${pct(reportMs, 50).toFixed(1)} ms, p99 ${pct(reportMs, 99).toFixed(1)} ms; ${limited} rate-limited; server CPU ${serverCores.toFixed(2)} cores, busiest second ${peakCores.toFixed(2)} (quiet ${quiet.serverCores.toFixed(2)}); ${loopNote(loop)}; loadavg ${os.loadavg()[0]?.toFixed(1)}`,
      },
      {
        name: "analytics load: control — 4 loops of GET /v1/auth/me instead",
        value: control.reportMs.length / seconds,
        unit: "req/s",
        note: `server CPU ${control.serverCores.toFixed(2)} cores, busiest second ${control.peakCores.toFixed(2)}; ${loopNote(control.loop)}; /health p99 ${pct(control.healthMs, 99).toFixed(1)} ms; push p99 ${pct(control.pushMs, 99).toFixed(1)} ms; ${control.limited} rate-limited`,
      },
      {
        name: "analytics load: /health p99 while reports run",
        value: healthP99,
        unit: "ms",
        baseline: { name: "same, no reports running", value: pct(quiet.healthMs, 99) },
        note: `target < 50 ms; ${healthMs.length} probes, max ${Math.max(...healthMs).toFixed(1)} ms; no reports: ${loopNote(quiet.loop)}`,
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
