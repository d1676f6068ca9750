// Start-up migrations when several instances start at once on an empty schema.
import { afterEach, describe, expect, it } from "vitest";
import {
  createTestSchema,
  postgresTestTarget,
  type TestSchema,
} from "../../../test/support/postgres-schema.ts";
import { connectPostgres, takeMax } from "./connect.ts";
import { openPostgresDb } from "./db.ts";
import { migrate } from "./migrate.ts";
import { MIGRATIONS } from "./migrations.ts";

const target = await postgresTestTarget();
const url = target.ok ? target.url : "";
let schema: TestSchema | null = null;
afterEach(async () => {
  await schema?.drop();
  schema = null;
});

describe.skipIf(!target.ok)("PostgreSQL migrations", () => {
  it("apply once when six instances start together, and agree on one epoch", async () => {
    schema = await createTestSchema(url);
    const s = schema;
    const dbs = await Promise.all(
      Array.from({ length: 6 }, () => openPostgresDb(s.url, { max: 2 })),
    );
    try {
      const epochs = new Set(await Promise.all(dbs.map((x) => x.epoch())));
      expect(epochs.size).toBe(1);
      const sql = (dbs[0] as (typeof dbs)[number]).handle.sql;
      const rows = await sql<{ id: number }[]>`SELECT id FROM migrations ORDER BY id`;
      expect(rows.map((r) => r.id)).toEqual(MIGRATIONS.map((m) => m.id));
    } finally {
      await Promise.all(dbs.map((x) => x.close()));
    }
  });

  it("are a no-op on a migrated schema, and roll back whole when one fails", async () => {
    schema = await createTestSchema(url);
    const sql = connectPostgres(schema.url, { max: 2 });
    try {
      const first = await migrate(sql);
      expect(first.applied).toEqual(MIGRATIONS.map((m) => m.id));
      expect(await migrate(sql)).toEqual({ applied: [], epoch: first.epoch });
      const broken = [
        ...MIGRATIONS,
        { id: 99, name: "ok", sql: "CREATE TABLE t99 (x int)" },
        { id: 100, name: "bad", sql: "SELEC nonsense" },
      ];
      await expect(migrate(sql, broken)).rejects.toThrow();
      const [t] = await sql<
        { n: number }[]
      >`SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = ${schema.schema} AND table_name = 't99'`;
      expect(t?.n).toBe(0);
    } finally {
      await sql.end();
    }
  });

  it("explains a search_path whose schema does not exist", async () => {
    const sql = connectPostgres(url, { schema: "sightline_no_such_schema", max: 1 });
    try {
      await expect(migrate(sql)).rejects.toThrow(/create it first/);
    } finally {
      await sql.end();
    }
  });
});

describe("takeMax", () => {
  it("reads ?max= as a number and removes it from the URL", () => {
    expect(takeMax("postgres://u@h/db?max=3")).toEqual({ rest: "postgres://u@h/db", max: 3 });
    expect(takeMax("postgres://u@h/db?max=3&options=-c%20x%3Dy")).toEqual({
      rest: "postgres://u@h/db?options=-c%20x%3Dy",
      max: 3,
    });
    expect(takeMax("postgres://u@h/db?options=a&max=12")).toEqual({
      rest: "postgres://u@h/db?options=a",
      max: 12,
    });
    expect(takeMax("postgres://u@h/db?a=1&max=2&b=2")).toEqual({
      rest: "postgres://u@h/db?a=1&b=2",
      max: 2,
    });
    expect(takeMax("postgres://u@h/db")).toEqual({ rest: "postgres://u@h/db", max: undefined });
  });
});
