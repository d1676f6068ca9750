// What "nothing was written" means, checked on the database itself: a second
// connection to the test app's database (SQLite file, read-only; or the
// PostgreSQL schema) hashes every row of every table (optionally only one
// workspace's rows). Two equal fingerprints mean no table changed, whatever
// route or Db method was involved.
import { createHash } from "node:crypto";
import Database from "better-sqlite3";
import { connectPostgres, quoteIdent } from "../../../src/db/postgres/connect.ts";

/** Table name → hash of its rows. */
export type Fingerprint = Map<string, string>;

/**
 * Columns that are bookkeeping, not data: a session's or an API key's last
 * use is written at most once a minute by any request, reads included.
 */
const BOOKKEEPING: Record<string, readonly string[]> = {
  sessions: ["last_seen_at"],
  api_keys: ["last_used_at"],
};
const kept = (table: string, cols: readonly string[]) =>
  cols.filter((c) => !BOOKKEEPING[table]?.includes(c));

export type DbFingerprint = {
  /** Every table, or only `workspaceId`'s rows of tenant tables (and its workspace row). */
  take(workspaceId?: string): Promise<Fingerprint>;
  /**
   * A value that changes whenever anything is committed, so an unchanged
   * value means nothing was written: SQLite's `data_version` as seen from
   * this connection (cheap), or on PostgreSQL a hash of every table.
   */
  version(): Promise<number | string>;
  /**
   * The version and every table's hash together, at the cost of one take at
   * most: on SQLite the tables are hashed again only when data_version
   * moved since the last state; on PostgreSQL, where the version is itself
   * a hash of every table, one take gives both (version() then take() was
   * two, and twice per request in the hostile-input suite).
   */
  state(): Promise<FingerprintState>;
  close(): Promise<void>;
};

export type FingerprintState = { version: number | string; tables: Fingerprint };

export function createDbFingerprint(file: string): DbFingerprint {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  const tables = () =>
    (
      db
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
        .all() as { name: string }[]
    ).map((r) => r.name);
  const columns = (table: string) =>
    (db.prepare(`PRAGMA table_info("${table}")`).all() as { name: string }[]).map((c) => c.name);
  const version = async () => db.pragma("data_version", { simple: true }) as number;
  let last: FingerprintState | null = null;

  const take = async (workspaceId?: string): Promise<Fingerprint> => {
    const out: Fingerprint = new Map();
    for (const table of tables()) {
      const cols = columns(table);
      const key = cols.includes("workspace_id")
        ? "workspace_id"
        : table === "workspaces"
          ? "id"
          : null;
      if (workspaceId !== undefined && !key) continue;
      const list = kept(table, cols)
        .map((c) => `"${c}"`)
        .join(", ");
      const rows =
        workspaceId !== undefined
          ? db.prepare(`SELECT ${list} FROM "${table}" WHERE "${key}" = ?`).raw().all(workspaceId)
          : db.prepare(`SELECT ${list} FROM "${table}"`).raw().all();
      const lines = rows.map((r) => JSON.stringify((r as unknown[]).map(cell))).sort();
      out.set(table, createHash("sha256").update(lines.join("\n")).digest("hex"));
    }
    return out;
  };
  return {
    take,
    version,
    async state() {
      const v = await version();
      if (last?.version !== v) last = { version: v, tables: await take() };
      return last;
    },
    close: async () => void db.close(),
  };
}

/** The same over a PostgreSQL schema (`url` pins it with search_path): one query per take. */
export async function createPgFingerprint(url: string): Promise<DbFingerprint> {
  const sql = connectPostgres(url, { max: 1, name: "sightline-fingerprint" });
  const tables = await sql<{ name: string; key: string | null; cols: string[] }[]>`
    SELECT t.table_name AS name,
      CASE WHEN bool_or(c.column_name = 'workspace_id') THEN 'workspace_id'
           WHEN t.table_name = 'workspaces' THEN 'id' END AS key,
      array_agg(c.column_name::text ORDER BY c.ordinal_position) AS cols
    FROM information_schema.tables t
    JOIN information_schema.columns c
      ON c.table_schema = t.table_schema AND c.table_name = t.table_name
    WHERE t.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
    GROUP BY t.table_name ORDER BY t.table_name`;
  /** The row minus bookkeeping columns, as one composite value. */
  const rowOf = (t: { name: string; cols: string[] }) => {
    const cols = kept(t.name, t.cols);
    return cols.length === t.cols.length
      ? "y"
      : `ROW(${cols.map((c) => `y.${quoteIdent(c)}`).join(", ")})`;
  };
  const query = (workspaceId?: string) =>
    tables
      .filter((t) => workspaceId === undefined || t.key !== null)
      .map(
        (t) =>
          `SELECT ${literal(t.name)} AS name, md5(coalesce(string_agg(x.r, E'\\n' ORDER BY x.r COLLATE "C"), '')) AS hash
           FROM (SELECT (${rowOf(t)})::text AS r FROM ${quoteIdent(t.name)} y${workspaceId === undefined ? "" : ` WHERE y.${quoteIdent(t.key as string)} = $1`}) x`,
      )
      .join(" UNION ALL ");
  const take = async (workspaceId?: string) => {
    const rows = await sql.unsafe<{ name: string; hash: string }[]>(
      query(workspaceId),
      workspaceId === undefined ? [] : [workspaceId],
    );
    return new Map(rows.map((r) => [r.name, r.hash]));
  };
  const state = async (): Promise<FingerprintState> => {
    const tables = await take();
    const version = createHash("sha256")
      .update([...tables].map(([t, h]) => `${t}=${h}`).join("\n"))
      .digest("hex");
    return { version, tables };
  };
  return {
    take,
    version: async () => (await state()).version,
    state,
    close: () => sql.end({ timeout: 1 }),
  };
}

/** Tables whose hash differs between two fingerprints. */
export function changedTables(before: Fingerprint, after: Fingerprint): string[] {
  const names = new Set([...before.keys(), ...after.keys()]);
  return [...names].filter((n) => before.get(n) !== after.get(n)).sort();
}

/** Blobs are hashed, not spelled out. */
const cell = (v: unknown) =>
  Buffer.isBuffer(v) ? `blob:${createHash("sha256").update(v).digest("hex")}` : v;

const literal = (s: string) => `'${s.replaceAll("'", "''")}'`;
