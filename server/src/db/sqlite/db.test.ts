// The Db contract on SQLite (:memory:), plus what only SQLite has: the
// pragmas, the migrations table and reopening a file.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkClampMigration } from "../../../test/contract/clamp-migration.case.ts";
import { dbContract } from "../../../test/contract/db.contract.ts";
import { openSqliteDb } from "./db.ts";
import { CLAMP_FUTURE_STAMPS_SQL, MIGRATIONS } from "./migrations.ts";

describe("SQLite store", () => {
  dbContract(async () => openSqliteDb(":memory:"));

  it("is durable: WAL, synchronous=FULL, foreign keys, numbered migrations, stable epoch", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sightline-sqlite-"));
    try {
      const file = join(dir, "db", "sightline.sqlite");
      const s = openSqliteDb(file);
      const { db } = s.handle;
      expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
      expect(db.pragma("synchronous", { simple: true })).toBe(2);
      expect(db.pragma("foreign_keys", { simple: true })).toBe(1);
      const ids = (
        db.prepare("SELECT id FROM migrations ORDER BY id").all() as { id: number }[]
      ).map((r) => r.id);
      expect(ids).toEqual(MIGRATIONS.map((m) => m.id));
      const epoch = await s.epoch();
      const ws = await s.createWorkspace("Acme");
      await s.close();
      const again = openSqliteDb(file);
      expect(await again.epoch()).toBe(epoch);
      expect((await again.getWorkspace(ws.id))?.name).toBe("Acme");
      await again.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("migration 7 clamps stamps stored ahead of the clock and changes the epoch", async () => {
    const sqlite = openSqliteDb(":memory:");
    const { db } = sqlite.handle;
    try {
      await checkClampMigration({
        db: sqlite,
        runClamp: async () => {
          db.exec(CLAMP_FUTURE_STAMPS_SQL);
        },
        storedEpoch: async () =>
          (db.prepare("SELECT value FROM meta WHERE key = 'epoch'").get() as { value: string })
            .value,
      });
    } finally {
      await sqlite.close();
    }
  });
});
