// The batched push (no per-mutation savepoints) must end exactly like
// docs/sync-protocol.md "Server push algorithm" step 4 as written when a
// mutation fails unexpectedly: only that mutation is
// rejected, the ones before and after it apply, lastSeq covers all three.
import { describe, expect, it } from "vitest";
import { webObservation } from "../../../test/support/mutations.ts";
import { createTestApp } from "../../../test/support/test-app.ts";
import type { SqliteDb } from "./db.ts";

describe("SQLite push: batched, savepoints on failure", () => {
  it("rejects only the mutation the database refuses", async () => {
    const t = await createTestApp();
    const d = await t.pair("marketer");
    // A test-only trigger stands in for a constraint that one row trips.
    (t.db as SqliteDb).handle.db.exec(`
      CREATE TRIGGER refuse_boom BEFORE INSERT ON observations
      WHEN json_extract(NEW.fields, '$.what') = 'boom'
      BEGIN SELECT RAISE(ABORT, 'boom refused'); END;`);
    const batch = [
      webObservation(1, d),
      webObservation(2, d, { what: "boom" }),
      webObservation(3, d),
    ];
    const res = await t.push(d, batch);
    expect(res.status).toBe(200);
    const out = await res.json();
    expect(out.lastSeq).toBe(3);
    expect(out.rejected).toEqual([
      { seq: 2, code: "internal", message: "the server could not apply this change" },
    ]);
    const ids = (await t.dumpAll()).map((e) => e.id).sort();
    expect(ids).toEqual([batch[0]?.id, batch[2]?.id].sort());
    // Re-delivery changes nothing.
    const before = JSON.stringify(await t.dumpAll());
    expect((await t.push(d, batch)).status).toBe(200);
    expect(JSON.stringify(await t.dumpAll())).toBe(before);
    await t.close();
  });
});
