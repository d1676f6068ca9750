// Benchmark: the whole-journal timeline query (GET /v1/journals/{id}/timeline)
// with `q` and two filters over a journal of n observations, through the
// real app in process (app.request: routing, validation, the Db query, BM25,
// marks and JSON), on SQLite (a file) and, when TEST_DATABASE_URL is set,
// PostgreSQL. Baseline: the same filters without `q` (newest first, count).
//   npx tsx bench/journal-timeline.ts [n]      (default 100,000)
import { mkdtempSync, rmSync } from "node:fs";
import os, { tmpdir } from "node:os";
import { join } from "node:path";
import { hlcFormat, type Mutation, uuidv7 } from "@sightline/shared";
import {
  openPostgresTestParts,
  type PostgresTestParts,
} from "../server/test/support/postgres-db.ts";
import { postgresTestTarget } from "../server/test/support/postgres-schema.ts";
import { createTestApp, useTestDatabase } from "../server/test/support/test-app.ts";
import type { Row } from "./table.ts";

const PHRASES = [
  "Khách hỏi giá rồi rời đi",
  "Khách so sánh giá với đối thủ",
  "Chờ thanh toán lâu ở quầy",
  "Nhân viên tư vấn nhiệt tình",
  "Khách cầm sản phẩm lên xem rồi đặt xuống",
  "Khách hỏi trả góp",
  "Kệ điện thoại đông người",
  "Khách chê giao hàng chậm",
  "Khách khen trưng bày đẹp",
  "Khách tìm phụ kiện không thấy",
  "Khách hỏi bảo hành",
  "Khách mua tai nghe",
];
const NEEDS = ["price", "efficiency", "information", "experience", "reliability"];

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] as number;
};

function observation(i: number, deviceId: string, storeId: string | undefined, seq: number) {
  const web = !storeId;
  const ms = Date.UTC(2026, 9, 1) + i * 30_000;
  return {
    seq,
    op: "obs.create",
    id: uuidv7(ms),
    hlc: hlcFormat({ ms: Date.now(), counter: i % 1000, node: deviceId }),
    fields: web
      ? {
          channel: "web",
          method: "competitor-audit",
          capturedAt: new Date(ms).toISOString(),
          url: `https://shop.example.vn/p/${i % 997}`,
          what: `Đối thủ giảm giá còn ${(i % 50) + 1}.990.000₫ cho mẫu ${i % 311}`,
          needs: ["price"],
        }
      : {
          channel: "store",
          method: "shopper-observation",
          capturedAt: new Date(ms).toISOString(),
          storeId,
          what: `${PHRASES[i % PHRASES.length]} (lần ${i})`,
          zone: ["Cửa vào", "Điện thoại", "Laptop", "Quầy thu ngân"][i % 4],
          needs: [NEEDS[i % NEEDS.length], NEEDS[(i * 7) % NEEDS.length]].filter(
            (v, k, a) => a.indexOf(v) === k,
          ),
          tags: i % 9 === 0 ? ["cuối tuần"] : [],
        },
  } as Mutation;
}

export async function runTimelineBench(
  n: number,
  dialect: "sqlite" | "postgres",
  runs = 21,
): Promise<Row[]> {
  const dir = mkdtempSync(join(tmpdir(), "timeline-bench-"));
  const pg: { parts?: PostgresTestParts } = {};
  if (dialect === "postgres") {
    const target = await postgresTestTarget();
    if (!target.ok) return [];
    useTestDatabase(async () => {
      pg.parts = await openPostgresTestParts(target.url);
      return pg.parts;
    });
  } else useTestDatabase(null);
  const t = await createTestApp({ file: join(dir, "bench.db") });
  try {
    const kiosks = [await t.pair("staff"), await t.pair("staff")];
    const ext = await t.pair("marketer");
    const seqs = new Map<string, number>();
    const devices = [...kiosks, ext];
    const t0 = performance.now();
    for (let i = 0; i < n; i += 500) {
      const d = devices[(i / 500) % devices.length] as (typeof devices)[number];
      const first = (seqs.get(d.deviceId) ?? 0) + 1;
      const batch = Array.from({ length: Math.min(500, n - i) }, (_, k) =>
        observation(i + k, d.deviceId, d === ext ? undefined : d.storeId, first + k),
      );
      seqs.set(d.deviceId, first + batch.length - 1);
      const r = await t.push(d, batch);
      if (r.status !== 200) throw new Error(`push → ${r.status}`);
    }
    const loadS = (performance.now() - t0) / 1000;
    // What autovacuum does after a load in production (it is off on the test
    // server): sets the visibility map, without which PostgreSQL's
    // index-only scans fetch every row from the heap anyway.
    const vacuumed = pg.parts !== undefined;
    if (pg.parts) await pg.parts.db.handle.sql`VACUUM ANALYZE observations`;
    const created = await t.request("/v1/journals", {
      method: "POST",
      token: t.admin.token,
      json: { title: "Bench", scope: {} },
    });
    const { id } = (await created.json()) as { id: string };
    // Wall time, and this process's CPU time per request: on a shared
    // machine the CPU figure is what the query costs, the wall figure what
    // the machine gave it.
    const time = async (path: string) => {
      const xs: number[] = [];
      const cpu: number[] = [];
      let total = 0;
      for (let r = 0; r < runs; r++) {
        const c0 = process.cpuUsage();
        const s = performance.now();
        const res = await t.request(path, { token: t.admin.token });
        const body = (await res.json()) as { total: number };
        xs.push(performance.now() - s);
        const c = process.cpuUsage(c0);
        cpu.push((c.user + c.system) / 1000);
        if (res.status !== 200) throw new Error(`${path} → ${res.status}`);
        total = body.total;
      }
      return {
        p50: percentile(xs, 50),
        p95: percentile(xs, 95),
        cpu50: percentile(cpu, 50),
        total,
      };
    };
    const base = `/v1/journals/${id}/timeline?limit=50`;
    const filters = `&channel=store&need=price`;
    const plain = await time(`${base}${filters}`);
    const searched = await time(`${base}${filters}&q=gi%C3%A1`);
    const twoWords = await time(`${base}${filters}&q=kh%C3%A1ch%20h%E1%BB%8Fi`);
    const label = `${dialect}, ${n.toLocaleString("en-US")} obs`;
    const note = (x: { p95: number; cpu50: number; total: number }) =>
      `p95 ${x.p95.toFixed(1)} ms; CPU p50 ${x.cpu50.toFixed(1)} ms; total ${x.total}; load ${loadS.toFixed(0)} s${vacuumed ? ", vacuumed" : ""}; loadavg ${os.loadavg()[0]?.toFixed(1)}`;
    const baseline = { name: "same filters, no q", value: plain.p50 };
    return [
      {
        name: `timeline q=giá + channel + need, p50 (${label})`,
        value: searched.p50,
        unit: "ms",
        baseline,
        note: note(searched),
      },
      {
        name: `timeline q="khách hỏi" + channel + need, p50 (${label})`,
        value: twoWords.p50,
        unit: "ms",
        baseline,
        note: note(twoWords),
      },
      {
        name: `timeline channel + need, no q, p50 (${label})`,
        value: plain.p50,
        unit: "ms",
        note: note(plain),
      },
    ];
  } finally {
    await t.close();
    useTestDatabase(null);
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { printTable } = await import("./table.ts");
  const n = Number(process.argv[2] ?? 100_000);
  const rows = [
    ...(await runTimelineBench(n, "sqlite")),
    ...(await runTimelineBench(n, "postgres")),
  ];
  process.stdout.write(`${printTable(rows)}\n`);
}
