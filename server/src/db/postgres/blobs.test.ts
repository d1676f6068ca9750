// The bytea Blobs: content-addressed, first writer wins, per workspace.
import { createHash, randomBytes } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import {
  openPostgresTestParts,
  type PostgresTestParts,
} from "../../../test/support/postgres-db.ts";
import { postgresTestTarget } from "../../../test/support/postgres-schema.ts";

const target = await postgresTestTarget();
let parts: PostgresTestParts | null = null;
afterEach(async () => {
  await parts?.close();
  parts = null;
});

describe.skipIf(!target.ok)("PostgreSQL Blobs", () => {
  it("stores bytes once per workspace and hands them back unchanged", async () => {
    parts = await openPostgresTestParts(target.ok ? target.url : "");
    const { db, blobs } = parts;
    const a = await db.createWorkspace("A");
    const b = await db.createWorkspace("B");
    const bytes = new Uint8Array(randomBytes(300_000));
    const sha = createHash("sha256").update(bytes).digest("hex");
    expect(await blobs.put(a.id, sha, { contentType: "image/png", bytes })).toBe("created");
    expect(await blobs.put(a.id, sha, { contentType: "image/png", bytes })).toBe("exists");
    const got = await blobs.get(a.id, sha);
    expect(got?.contentType).toBe("image/png");
    expect(Buffer.from(got?.bytes ?? []).equals(Buffer.from(bytes))).toBe(true);
    expect(await blobs.get(b.id, sha)).toBeNull();
    expect(await blobs.put(b.id, sha, { contentType: "image/png", bytes })).toBe("created");
  });
});
