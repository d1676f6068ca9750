// GET /ready's checks (docs/http-api.md "Operations"): can the
// database take a write right now, is there disk left under the data
// folder, and are all of this build's migrations applied. A load balancer
// takes an instance out while any fails; /health stays liveness only.
import { statfs } from "node:fs/promises";
import type { ReadinessPort } from "../db/maintenance-port.ts";

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

export type ReadinessOptions = {
  /** The folder whose filesystem holds the SQLite file (checked when the port's disk is "data-dir"). */
  dataDir: string;
  minFreeBytes: number;
  /** Tests pass a smaller filesystem figure; default statfs. */
  freeBytes?: (dir: string) => Promise<number>;
};

/**
 * The checks over the adapter's port (db/maintenance-port.ts): the
 * database takes a committed write (SQLite: a page-sized row, so a full
 * file refuses it; PostgreSQL: a full disk fails it with class 53), the
 * data folder's disk has room when the database lives there, and every
 * migration this build knows is applied.
 */
export function readinessProbe(port: ReadinessPort, o: ReadinessOptions): ReadinessProbe {
  const known = new Set(port.knownMigrations);
  const measure = o.freeBytes ?? freeBytes;
  return async () => [
    await check("database", async () => {
      await port.probeWrite();
      return "writable";
    }),
    port.disk === "data-dir"
      ? await check("disk", async () => diskDetail(await measure(o.dataDir), o.minFreeBytes))
      : { name: "disk", ok: true, detail: "PostgreSQL's disk is checked by its write" },
    await check("migrations", async () => migrationDetail(known, await port.appliedMigrations())),
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
