// GET /ready's checks (docs/http-api.md "Operations"): can the
// database take a write right now, is there disk left under the data
// folder, and are all of this build's migrations applied. A load balancer
// takes an instance out while any fails; /health stays liveness only.
import { randomBytes } from "node:crypto";
import { statfs } from "node:fs/promises";
import type { Sql } from "../db/postgres/connect.ts";
import { MIGRATIONS as PG_MIGRATIONS } from "../db/postgres/migrations.ts";
import type { SqliteHandle } from "../db/sqlite/handle.ts";
import { MIGRATIONS as SQLITE_MIGRATIONS } from "../db/sqlite/migrations.ts";

export type ReadinessCheck = {
  name: "database" | "disk" | "migrations";
  ok: boolean;
  detail: string;
};
export type ReadinessProbe = () => Promise<ReadinessCheck[]>;

const errorText = (e: unknown) =>
  `${(e as { code?: string }).code ?? "error"}: ${e instanceof Error ? e.message : String(e)}`;

async function check(
  name: ReadinessCheck["name"],
  fn: () => Promise<string>,
): Promise<ReadinessCheck> {
  try {
    return { name, ok: true, detail: await fn() };
  } catch (e) {
    return { name, ok: false, detail: e instanceof NotReady ? e.message : errorText(e) };
  }
}

class NotReady extends Error {}

/** Free bytes for unprivileged writers on the filesystem holding `dir`. */
export async function freeBytes(dir: string): Promise<number> {
  const s = await statfs(dir);
  return s.bavail * s.bsize;
}

export type SqliteReadinessOptions = {
  handle: SqliteHandle;
  dataDir: string;
  minFreeBytes: number;
  /** Tests pass a smaller filesystem figure; default statfs. */
  freeBytes?: (dir: string) => Promise<number>;
};

/**
 * The database check writes and commits: a page-sized row is inserted and
 * deleted again (a full database refuses the new page) and a stamp is
 * updated, so the commit itself must reach the WAL on disk.
 */
export function sqliteReadiness(o: SqliteReadinessOptions): ReadinessProbe {
  const { db, queue } = o.handle;
  const probe = db.transaction(() => {
    db.prepare("INSERT INTO meta (key, value) VALUES ('ready-probe-page', ?)").run(
      randomBytes(3072).toString("hex"),
    );
    db.prepare("DELETE FROM meta WHERE key = 'ready-probe-page'").run();
    db.prepare(
      "INSERT INTO meta (key, value) VALUES ('ready-probe', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    ).run(new Date().toISOString());
  });
  const known = new Set(SQLITE_MIGRATIONS.map((m) => m.id));
  const measure = o.freeBytes ?? freeBytes;
  return async () => [
    await check("database", async () => {
      await queue.run(() => probe.immediate());
      return "writable";
    }),
    await check("disk", async () => diskDetail(await measure(o.dataDir), o.minFreeBytes)),
    await check("migrations", async () => {
      const rows = await queue.run(
        () => db.prepare("SELECT id FROM migrations").all() as { id: number }[],
      );
      return migrationDetail(
        known,
        rows.map((r) => r.id),
      );
    }),
  ];
}

/** PostgreSQL keeps its own disk; the write check catches a full one (class 53). */
export function postgresReadiness(sql: Sql): ReadinessProbe {
  const known = new Set(PG_MIGRATIONS.map((m) => m.id));
  return async () => [
    await check("database", async () => {
      await sql`INSERT INTO meta (key, value) VALUES ('ready-probe', ${new Date().toISOString()})
        ON CONFLICT (key) DO UPDATE SET value = excluded.value`;
      return "writable";
    }),
    { name: "disk", ok: true, detail: "PostgreSQL's disk is checked by its write" },
    await check("migrations", async () =>
      migrationDetail(
        known,
        (await sql<{ id: number }[]>`SELECT id FROM migrations`).map((r) => r.id),
      ),
    ),
  ];
}

function diskDetail(free: number, min: number): string {
  const mb = (n: number) => `${Math.floor(n / 1024 / 1024)} MB`;
  if (free < min) throw new NotReady(`${mb(free)} free, below the ${mb(min)} floor`);
  return `${mb(free)} free`;
}

function migrationDetail(known: ReadonlySet<number>, applied: readonly number[]): string {
  const done = new Set(applied);
  const missing = [...known].filter((id) => !done.has(id));
  if (missing.length > 0) throw new NotReady(`migrations not applied: ${missing.join(", ")}`);
  return `${done.size} applied`;
}
