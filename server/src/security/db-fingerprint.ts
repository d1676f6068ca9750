// What "nothing was written" means, checked on the database itself: a second,
// read-only connection to the test app's SQLite file hashes every row of every
// table (optionally only one workspace's rows). Two equal fingerprints mean no
// table changed, whatever route or store method was involved.
import { createHash } from "node:crypto";
import Database from "better-sqlite3";

/** Table name → hash of its rows. */
export type Fingerprint = Map<string, string>;

export type DbFingerprint = {
  /** Every table, or only `workspaceId`'s rows of tenant tables (and its workspace row). */
  take(workspaceId?: string): Fingerprint;
  /**
   * SQLite's `data_version` as seen from this connection: it changes whenever
   * another connection commits, so an unchanged value means nothing was written.
   */
  version(): number;
  close(): void;
};

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

  return {
    take(workspaceId) {
      const out: Fingerprint = new Map();
      for (const table of tables()) {
        const cols = columns(table);
        const key = cols.includes("workspace_id")
          ? "workspace_id"
          : table === "workspaces"
            ? "id"
            : null;
        if (workspaceId !== undefined && !key) continue;
        const rows =
          workspaceId !== undefined
            ? db.prepare(`SELECT * FROM "${table}" WHERE "${key}" = ?`).raw().all(workspaceId)
            : db.prepare(`SELECT * FROM "${table}"`).raw().all();
        const lines = rows.map((r) => JSON.stringify((r as unknown[]).map(cell))).sort();
        out.set(table, createHash("sha256").update(lines.join("\n")).digest("hex"));
      }
      return out;
    },
    version: () => db.pragma("data_version", { simple: true }) as number,
    close: () => db.close(),
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
