// Blobs on the SQLite database (a BLOB column), sharing the Db's
// connection and its one-caller-at-a-time queue.
import type { Blobs } from "../blob-port.ts";
import type { SqliteHandle } from "./handle.ts";

export function createSqliteBlobs({ db, queue }: SqliteHandle): Blobs {
  const insert = db.prepare(
    `INSERT INTO blobs (workspace_id, sha256, content_type, size, bytes, created_at)
     VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
  );
  const get = db.prepare(
    "SELECT content_type, bytes FROM blobs WHERE workspace_id = ? AND sha256 = ?",
  );
  return {
    put: (ws, sha, b) =>
      queue.run(() => {
        const r = insert.run(
          ws,
          sha,
          b.contentType,
          b.bytes.byteLength,
          Buffer.from(b.bytes),
          new Date().toISOString(),
        );
        return r.changes > 0 ? "created" : "exists";
      }),
    get: (ws, sha) =>
      queue.run(() => {
        const r = get.get(ws, sha) as { content_type: string; bytes: Buffer } | undefined;
        return r ? { contentType: r.content_type, bytes: new Uint8Array(r.bytes) } : null;
      }),
  };
}
