// The PostgreSQL side of operations work (db/maintenance-port.ts): the
// pg_dump / pg_restore lines for a DATABASE_URL, reading the database a
// restore replaces, the reset a restored database gets, a new epoch,
// migrating, and the readiness probe. PostgreSQL is copied by its own tools;
// the CLI runs them and does the talking, the SQL is here.
import {
  type DeviceTokenState,
  freshEpoch,
  type ReadinessPort,
  type RestoredDatabase,
  type RestoreReset,
} from "../maintenance-port.ts";
import { connectPostgres, type Sql, takeMax } from "./connect.ts";
import { openPostgresDb, type PostgresDb } from "./db.ts";
import { migrate } from "./migrate.ts";
import { MIGRATIONS } from "./migrations.ts";

/** The URL without its password and without postgres.js-only parameters (`max`). */
export function libpqUrl(url: string): { url: string; masked: string } {
  // String surgery, not URLSearchParams: that would turn %20 into "+", which libpq keeps.
  // A "+" in the query is a space to URL encoders (URLSearchParams writes one) but not to libpq.
  const rest = takeMax(url).rest;
  const q = rest.indexOf("?");
  const clean = q < 0 ? rest : rest.slice(0, q) + rest.slice(q).replaceAll("+", "%20");
  const masked = clean.replace(/^(postgres(?:ql)?:\/\/[^:/@]+:)[^@]*@/, "$1****@");
  return { url: clean, masked };
}

/** The schema pinned by the URL's `options=-c search_path=…`, if any. */
export function urlSchema(url: string): string | null {
  const options = new URL(url).searchParams.get("options") ?? "";
  return /search_path\s*=\s*([^\s,]+)/.exec(options)?.[1]?.replaceAll('"', "") ?? null;
}

/** The pg_dump and pg_restore lines for `url` (the password masked). */
export function postgresCommands(url: string, file: string) {
  const { masked } = libpqUrl(url);
  const schema = urlSchema(url);
  const only = schema ? ` --schema='${schema}'` : "";
  return {
    dump: `pg_dump --format=custom --no-owner${only} --file='${file}' '${masked}'`,
    restore: `pg_restore --clean --if-exists --no-owner --single-transaction${only} --dbname='${masked}' '${file}'`,
  };
}

/** The pg_restore arguments that load `file` into `url`'s database (and schema). */
export function pgRestoreArgs(url: string, file: string): string[] {
  const schema = urlSchema(url);
  return [
    "--clean",
    "--if-exists",
    "--no-owner",
    "--single-transaction",
    ...(schema ? [`--schema=${schema}`] : []),
    `--dbname=${libpqUrl(url).url}`,
    file,
  ];
}

const cli = (url: string) => connectPostgres(url, { max: 1, name: "sightline-cli" });

/**
 * What a restore must keep from the database it replaces: its epoch, the
 * devices' token state, and how many other Sightline connections are open
 * (instances not stopped?). A missing or broken schema carries nothing.
 */
export async function readPostgresCurrent(url: string): Promise<{
  epoch: string | null;
  devices: DeviceTokenState[];
  others: number;
}> {
  const before = cli(url);
  try {
    const [epoch] = await before<
      { value: string }[]
    >`SELECT value FROM meta WHERE key = 'epoch'`.catch(() => []);
    const devices = await before<DeviceTokenState[]>`
      SELECT workspace_id, id, token_hash, revoked_at FROM devices`.catch(() => []);
    const [others] = await before<{ n: number }[]>`
      SELECT count(*)::int AS n FROM pg_stat_activity
      WHERE datname = current_database() AND pid <> pg_backend_pid()
        AND application_name IN ('sightline', 'sightline-listen')`;
    return { epoch: epoch?.value ?? null, devices, others: others?.n ?? 0 };
  } finally {
    await before.end({ timeout: 5 });
  }
}

/**
 * In one transaction on the restored (opened, migrated) database: a new
 * epoch, every session revoked, each device's newer token state carried over.
 */
export async function resetRestoredPostgres(
  db: PostgresDb,
  devices: readonly DeviceTokenState[],
  now: string,
): Promise<RestoreReset> {
  const epoch = freshEpoch();
  return db.handle.sql.begin(async (tx) => {
    await tx`UPDATE meta SET value = ${epoch} WHERE key = 'epoch'`;
    const revoked = await tx`UPDATE sessions SET revoked_at = ${now} WHERE revoked_at IS NULL`;
    let devicesCarried = 0;
    for (const d of devices) {
      const changed = await tx`
        UPDATE devices SET token_hash = ${d.token_hash}, revoked_at = ${d.revoked_at}
        WHERE workspace_id = ${d.workspace_id} AND id = ${d.id}
          AND (token_hash <> ${d.token_hash} OR revoked_at IS DISTINCT FROM ${d.revoked_at})`;
      devicesCarried += changed.count;
    }
    return { epoch, sessionsRevoked: revoked.count, devicesCarried };
  });
}

/** Open (and so migrate) the schema pg_restore just loaded, for its reset and audit rows. */
export async function openRestoredPostgres(url: string): Promise<RestoredDatabase> {
  const db = await openPostgresDb(url, { max: 1, name: "sightline-cli" });
  return {
    db,
    reset: (devices, now) => resetRestoredPostgres(db, devices, now),
    settle: async () => {},
    close: () => db.close(),
  };
}

/** A new epoch for `url`'s database, sessions revoked at `revokeAt` when given. */
export async function newPostgresEpoch(
  url: string,
  revokeAt: string | null,
): Promise<{ epoch: string; revoked: number }> {
  const sql = cli(url);
  try {
    const epoch = freshEpoch();
    await sql`UPDATE meta SET value = ${epoch} WHERE key = 'epoch'`;
    const revoked = revokeAt
      ? (await sql`UPDATE sessions SET revoked_at = ${revokeAt} WHERE revoked_at IS NULL`).count
      : 0;
    return { epoch, revoked };
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/** Apply this build's migrations (under migrate.ts's advisory lock); the ids applied. */
export async function migratePostgresUrl(url: string): Promise<number[]> {
  const sql = cli(url);
  try {
    return (await migrate(sql)).applied;
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/** GET /ready's database checks; PostgreSQL keeps its own disk, the write catches a full one (class 53). */
export function postgresReadinessPort(sql: Sql): ReadinessPort {
  return {
    probeWrite: async () => {
      await sql`INSERT INTO meta (key, value) VALUES ('ready-probe', ${new Date().toISOString()})
        ON CONFLICT (key) DO UPDATE SET value = excluded.value`;
    },
    knownMigrations: MIGRATIONS.map((m) => m.id),
    appliedMigrations: async () =>
      (await sql<{ id: number }[]>`SELECT id FROM migrations`).map((r) => r.id),
    disk: "own",
  };
}
