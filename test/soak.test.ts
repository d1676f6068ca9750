// Load and soak, loopback only: 50 simulated devices (25 kiosks, 25
// extensions; the real client sync engine on memory storage, the real fetch
// transport) write and sync against the REAL server process for a fixed time
// while a manager's SSE stream is open. The server is SIGKILLed and restarted
// three times during the run. At the end every device converges with the
// server, the server holds exactly what the devices wrote (nothing lost,
// nothing duplicated, nothing rejected), and the server's memory stayed
// bounded (VmRSS from /proc/<pid>/status). Prints pushes/s, p99 push latency
// and peak RSS.
//
// CI runs a short form (~30 s of load); `npm run soak` (SIGHTLINE_SOAK=long)
// runs five minutes. SIGHTLINE_SOAK_SECONDS overrides either.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  createFetchTransport,
  createMemoryStorage,
  createSyncEngine,
  type Entity,
  type SyncEngine,
  type Transport,
  uuidv4,
  uuidv7,
} from "@sightline/shared";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { createRng } from "./support/prng.ts";
import {
  adminSession,
  apiClient,
  type ServerProcess,
  startServerProcess,
} from "./support/server-process.ts";

const LONG = process.env.SIGHTLINE_SOAK === "long";
const SECONDS = Number(process.env.SIGHTLINE_SOAK_SECONDS ?? (LONG ? 300 : 30));
const DEVICES = 50;
const KILLS = 3;
/** The server must stay under this resident size (a leak grows past it in a long run). */
const MAX_RSS_MB = Number(process.env.SIGHTLINE_SOAK_MAX_RSS_MB ?? 600);

let server: ServerProcess | undefined;
afterAll(async () => {
  await server?.dispose();
});

type Device = {
  name: string;
  kind: "kiosk" | "extension";
  deviceId: string;
  ownerId: string;
  engine: SyncEngine;
  created: string[];
  issued: number;
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function rssMb(pid: number | undefined): number | null {
  if (!pid) return null;
  try {
    const m = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null; // between a kill and a restart
  }
}

/** JSON with object keys sorted, so equal values compare equal whatever their key order. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(",")}]`;
  if (v && typeof v === "object")
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`)
      .join(",")}}`;
  return JSON.stringify(v) ?? "null";
}

function percentile(xs: readonly number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] ?? Number.NaN;
}

describe(`soak: ${DEVICES} devices, ${SECONDS} s, ${KILLS} SIGKILLs (real server process)`, () => {
  it(
    "converges with exact counts and bounded memory",
    async () => {
      const srv = await startServerProcess();
      server = srv;
      const admin = await adminSession(srv.base);
      const store = await admin.api<{ id: string }>("POST", "/v1/stores", {
        name: "Soak store",
        timeZone: "Asia/Ho_Chi_Minh",
        zones: ["Cửa vào", "Quầy"],
        behaviours: [{ code: "browsed", label_vi: "Xem hàng", label_en: "Browsed" }],
        feedbackQuestion: { vi: "Hài lòng?", en: "Happy?" },
        reasons: [],
      });
      // Kiosks are paired by a manager, extensions by the admin: two owners, two pull scopes.
      const managerEmail = `manager-${uuidv4().slice(0, 6)}@example.com`;
      const { id: managerId } = await admin.api<{ id: string }>("POST", "/v1/users", {
        email: managerEmail,
        password: "manager-password-1",
        role: "manager",
      });
      const { token: managerToken, user: managerUser } = await apiClient(srv.base)<{
        token: string;
        user: { id: string };
      }>("POST", "/v1/auth/login", { email: managerEmail, password: "manager-password-1" });
      expect(managerUser.id).toBe(managerId);
      const manager = apiClient(srv.base, managerToken);
      const adminId = (
        await apiClient(srv.base)<{ user: { id: string } }>("POST", "/v1/auth/login", {
          email: "admin@example.com",
          password: "e2e-admin-password",
        })
      ).user.id;

      const latencies: number[] = [];
      const counts = {
        pushes: 0,
        pulls: 0,
        networkErrors: 0,
        otherFailures: 0,
        pokes: 0,
        sseConnects: 0,
      };
      const rng = createRng(20261124);
      const devices: Device[] = [];
      for (let i = 0; i < DEVICES; i++) {
        const kind = i % 2 === 0 ? "kiosk" : "extension";
        const deviceId = uuidv4();
        const api = kind === "kiosk" ? manager : admin.api;
        const { code } = await api<{ code: string }>(
          "POST",
          "/v1/pairing-codes",
          kind === "kiosk" ? { role: "staff", storeId: store.id } : { role: "marketer" },
        );
        const paired = await apiClient(srv.base)<{
          token: string;
          device: { workspaceId: string };
        }>("POST", "/v1/devices/pair", { code, deviceId, kind });
        const storage = createMemoryStorage();
        await storage.init(deviceId, paired.device.workspaceId);
        const fetchTransport = createFetchTransport({
          baseUrl: srv.base,
          token: () => paired.token,
          timeoutMs: 15_000,
        });
        const transport: Transport = async (path, body) => {
          const t0 = performance.now();
          const r = await fetchTransport(path, body);
          if (r.status === 200 && path === "/v1/sync/push") {
            latencies.push(performance.now() - t0);
            counts.pushes++;
          } else if (r.status === 200) counts.pulls++;
          return r;
        };
        devices.push({
          name: `${kind}-${i}`,
          kind,
          deviceId,
          ownerId: kind === "kiosk" ? managerId : adminId,
          engine: createSyncEngine({ storage, transport, appVersion: "soak", batchSize: 100 }),
          created: [],
          issued: 0,
        });
      }

      // The manager's live stream, reconnecting across restarts.
      let running = true;
      const sse = (async () => {
        while (running) {
          try {
            const res = await fetch(`${srv.base}/v1/sync/events`, {
              headers: { authorization: `Bearer ${managerToken}` },
            });
            if (res.status !== 200 || !res.body) throw new Error(`SSE ${res.status}`);
            counts.sseConnects++;
            const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
            while (running) {
              const { value, done } = await reader.read();
              if (done) break;
              counts.pokes += value.split("event: poke").length - 1;
            }
            await reader.cancel().catch(() => undefined);
          } catch {
            // server down: try again shortly
          }
          if (running) await sleep(200);
        }
      })();

      // Server memory, sampled throughout.
      let peakRss = 0;
      const rssSamples: number[] = [];
      const sampler = setInterval(() => {
        const mb = rssMb(srv.pid());
        if (mb !== null) {
          rssSamples.push(mb);
          peakRss = Math.max(peakRss, mb);
        }
      }, 200);

      const fieldsOf = (d: Device, n: number) =>
        d.kind === "kiosk"
          ? {
              channel: "store",
              method: "shopper-observation",
              capturedAt: new Date().toISOString(),
              storeId: store.id,
              what: `${d.name} tap ${n}`,
              behaviour: "browsed",
              zone: "Cửa vào",
            }
          : {
              channel: "web",
              method: "competitor-audit",
              capturedAt: new Date().toISOString(),
              url: `https://rival.example.vn/p/${n}`,
              what: `${d.name} capture ${n}`,
            };

      const loadStart = performance.now();
      const deadline = Date.now() + SECONDS * 1000;
      const workers = devices.map(async (d) => {
        await sleep(rng.int(500));
        while (Date.now() < deadline) {
          for (let k = 1 + rng.int(3); k > 0; k--) {
            const own = d.created[rng.int(d.created.length)];
            if (own && rng.chance(0.25)) {
              await d.engine.write({
                op: "obs.patch",
                id: own,
                fields: { why: `edit ${d.issued}` },
              });
            } else {
              const e = await d.engine.write({
                op: "obs.create",
                id: uuidv7(),
                fields: fieldsOf(d, d.issued),
              });
              d.created.push(e.id);
            }
            d.issued++;
          }
          const out = await d.engine.sync();
          if (!out.ok) {
            if (out.failure === "network") counts.networkErrors++;
            else counts.otherFailures++;
            await sleep(out.retryAfterMs ?? 300 + rng.int(300));
          } else await sleep(150 + rng.int(350));
        }
      });

      const restarts: number[] = [];
      const killer = (async () => {
        for (let k = 1; k <= KILLS; k++) {
          await sleep(
            Math.max(0, loadStart + (SECONDS * 1000 * k) / (KILLS + 1) - performance.now()),
          );
          const t0 = performance.now();
          await srv.kill();
          await srv.start();
          restarts.push(Math.round(performance.now() - t0));
        }
      })();

      await Promise.all([...workers, killer]);
      const loadSeconds = (performance.now() - loadStart) / 1000;

      // Quiesce: every device syncs until nothing is left, then once more so
      // every mirror has pulled everyone else's last writes.
      const settle = async (d: Device) => {
        for (let i = 0; i < 60; i++) {
          const out = await d.engine.sync();
          if (out.ok && (await d.engine.storage.stats()).unsynced === 0) return;
          await sleep(250);
        }
        throw new Error(`${d.name} did not settle`);
      };
      await Promise.all(devices.map(settle));
      await Promise.all(devices.map((d) => d.engine.sync()));
      running = false;
      clearInterval(sampler);
      await srv.stop(); // graceful: the SSE stream ends, the database closes
      await sse;

      // Ground truth: the server's database file.
      const db = new Database(join(srv.dataDir, "sightline.sqlite"), { readonly: true });
      const rows = db
        .prepare(
          "SELECT id, created_by, owner_id, channel, store_id, fields, field_hlc, deleted_hlc, restored_hlc FROM observations",
        )
        .all() as {
        id: string;
        created_by: string;
        channel: string;
        store_id: string | null;
        owner_id: string;
        fields: string;
        field_hlc: string;
        deleted_hlc: string | null;
        restored_hlc: string | null;
      }[];
      const lastSeqs = new Map(
        (
          db.prepare("SELECT id, last_seq FROM devices").all() as { id: string; last_seq: number }[]
        ).map((r) => [r.id, r.last_seq]),
      );
      const rejected = (
        db.prepare("SELECT count(*) AS n FROM rejected_mutations").get() as { n: number }
      ).n;
      db.close();

      const created = new Set(devices.flatMap((d) => d.created));
      const onServer = new Set(rows.map((r) => r.id));
      const lost = [...created].filter((id) => !onServer.has(id)).length;
      const unexpected = rows.filter((r) => !created.has(r.id)).length;
      const duplicates = rows.length - onServer.size + unexpected;
      const seqMismatches = devices.filter((d) => lastSeqs.get(d.deviceId) !== d.issued).length;

      // Convergence: each mirror equals the server's rows in the device's scope.
      const snapshot = (e: {
        fields: unknown;
        fieldHlc: unknown;
        deletedHlc: unknown;
        restoredHlc: unknown;
      }) => canonical([e.fields, e.fieldHlc, e.deletedHlc ?? null, e.restoredHlc ?? null]);
      const serverView = new Map(
        rows.map((r) => [
          r.id,
          {
            row: r,
            view: snapshot({
              fields: JSON.parse(r.fields),
              fieldHlc: JSON.parse(r.field_hlc),
              deletedHlc: r.deleted_hlc,
              restoredHlc: r.restored_hlc,
            }),
          },
        ]),
      );
      let diverged = 0;
      for (const d of devices) {
        const mirror = new Map(
          (await d.engine.storage.entities()).map((e: Entity) => [e.id, snapshot(e)]),
        );
        // The policy table: a kiosk pulls its store's store/feedback rows, an
        // extension its person's web/event rows.
        const scope = rows.filter((r) =>
          d.kind === "kiosk"
            ? r.store_id === store.id && (r.channel === "store" || r.channel === "feedback")
            : r.owner_id === d.ownerId && (r.channel === "web" || r.channel === "event"),
        );
        const same =
          mirror.size === scope.length &&
          scope.every((r) => mirror.get(r.id) === serverView.get(r.id)?.view);
        if (!same) diverged++;
      }

      const mutations = devices.reduce((n, d) => n + d.issued, 0);
      const report = {
        seconds: Math.round(loadSeconds),
        devices: DEVICES,
        sigkills: restarts.length,
        restartMs: restarts,
        mutations,
        observations: rows.length,
        pushesPerSecond: Math.round(counts.pushes / loadSeconds),
        mutationsPerSecond: Math.round(mutations / loadSeconds),
        p50PushMs: Math.round(percentile(latencies, 50)),
        p99PushMs: Math.round(percentile(latencies, 99)),
        peakRssMb: Math.round(peakRss),
        rssSamples: rssSamples.length,
        pulls: counts.pulls,
        networkErrors: counts.networkErrors,
        otherFailures: counts.otherFailures,
        sseConnects: counts.sseConnects,
        pokes: counts.pokes,
        lost,
        duplicates,
        rejected,
        seqMismatches,
        diverged,
      };
      console.log("soak:", JSON.stringify(report));

      expect(restarts).toHaveLength(KILLS);
      expect(counts.networkErrors, "the kills were felt by the devices").toBeGreaterThan(0);
      expect(lost).toBe(0);
      expect(duplicates).toBe(0);
      expect(rejected).toBe(0);
      expect(seqMismatches).toBe(0);
      expect(diverged).toBe(0);
      expect(rows.length).toBe(created.size);
      expect(
        counts.sseConnects,
        "the manager's stream reconnected after each restart",
      ).toBeGreaterThan(KILLS);
      expect(counts.pokes).toBeGreaterThan(0);
      expect(rssSamples.length).toBeGreaterThan(SECONDS);
      expect(peakRss).toBeLessThan(MAX_RSS_MB);
    },
    (SECONDS + 90) * 1000,
  );
});
