// Blobs on PostgreSQL: content-addressed bytes in a bytea column, per
// workspace. First writer wins; a second put of the same hash is "exists".
import type { Blob, Blobs } from "../blob-port.ts";
import type { PgHandle } from "./handle.ts";

export function createPostgresBlobs({ sql }: PgHandle): Blobs {
  return {
    async put(ws, sha, b: Blob) {
      const r = await sql`
        INSERT INTO blobs (workspace_id, sha256, content_type, size, bytes, created_at)
        VALUES (${ws}, ${sha}, ${b.contentType}, ${b.bytes.byteLength}, ${Buffer.from(b.bytes)}, now())
        ON CONFLICT DO NOTHING`;
      return r.count > 0 ? "created" : "exists";
    },
    async get(ws, sha) {
      const [r] = await sql<{ content_type: string; bytes: Buffer }[]>`
        SELECT content_type, bytes FROM blobs WHERE workspace_id = ${ws} AND sha256 = ${sha}`;
      return r ? { contentType: r.content_type, bytes: new Uint8Array(r.bytes) } : null;
    },
  };
}
