// What only shows with several connections at once — i.e. several server
// instances on one database: pushes racing for one workspace, the same batch
// delivered to two instances, a reader paging while writers commit, and the
// batched push falling back to savepoints on a database error.
import { afterEach, describe, expect, it } from "vitest";
import { pullAs, pushAs, seedWorkspace, webCreate } from "../../../test/contract/fixture.ts";
import {
  createTestSchema,
  postgresTestTarget,
  type TestSchema,
} from "../../../test/support/postgres-schema.ts";
import type { PullChange, PushOutcome } from "../port.ts";
import { openPostgresDb, type PostgresDb } from "./db.ts";
import type { PushMode } from "./push-tx.ts";

const target = await postgresTestTarget();
const url = target.ok ? target.url : "";
let schema: TestSchema | null = null;
let dbs: PostgresDb[] = [];
afterEach(async () => {
  await Promise.all(dbs.map((s) => s.close()));
  dbs = [];
  await schema?.drop();
  schema = null;
});

/** `n` Dbs (pools) on one fresh schema: n server instances, as far as the database can tell. */
async function instances(n: number, mode?: PushMode): Promise<PostgresDb[]> {
  schema = await createTestSchema(url);
  const s = schema;
  dbs = await Promise.all(
    Array.from({ length: n }, () => openPostgresDb(s.url, { max: 4, ...(mode ? { mode } : {}) })),
  );
  return dbs;
}

const ok = (o: PushOutcome) => {
  if (o.kind !== "ok") throw new Error(`push: ${JSON.stringify(o)}`);
  return o;
};
const idOf = (c: PullChange) => (c.op === "put" ? c.entity.id : c.id);

describe.skipIf(!target.ok)("PostgreSQL store under concurrency", () => {
  it("gives racing pushes of one workspace distinct, gap-free versions and loses nothing", async () => {
    const [a, b, c] = (await instances(3)) as [PostgresDb, PostgresDb, PostgresDb];
    const f = await seedWorkspace(a);
    const v0 = (await a.getWorkspace(f.ws.id))?.version ?? 0;
    const devices = await Promise.all(Array.from({ length: 9 }, () => f.pair("marketer")));
    const versions: number[] = [];
    await Promise.all(
      devices.map(async ({ principal: d }, i) => {
        for (let k = 0; k < 8; k++) {
          const via = [a, b, c][(i + k) % 3] as PostgresDb;
          const batch = [1, 2, 3, 4, 5].map((j) => webCreate(k * 5 + j, d));
          versions.push(ok(await pushAs(via, d, batch)).version);
        }
      }),
    );
    expect([...versions].sort((x, y) => x - y)).toEqual(versions.map((_, i) => v0 + 1 + i));
    expect(await c.dumpEntities(f.ws.id)).toHaveLength(9 * 8 * 5);
    expect((await b.getWorkspace(f.ws.id))?.version).toBe(v0 + versions.length);
  });

  it("applies a batch delivered to two instances at once exactly once", async () => {
    const [a, b] = (await instances(2)) as [PostgresDb, PostgresDb];
    const f = await seedWorkspace(a);
    const { principal: d } = await f.pair("marketer");
    for (let round = 0; round < 5; round++) {
      const batch = [1, 2, 3].map((j) => webCreate(round * 3 + j, d));
      const [x, y] = (await Promise.all([pushAs(a, d, batch), pushAs(b, d, batch)])).map(ok) as [
        ReturnType<typeof ok>,
        ReturnType<typeof ok>,
      ];
      expect([x.applied, y.applied].sort()).toEqual([0, 3]);
      expect(x.lastSeq).toBe(y.lastSeq);
      expect(x.version).toBe(y.version);
    }
    expect(await a.dumpEntities(f.ws.id)).toHaveLength(15);
  });

  it("never lets a paging reader skip a row that commits while it reads", async () => {
    const [a, b, c] = (await instances(3)) as [PostgresDb, PostgresDb, PostgresDb];
    const f = await seedWorkspace(a);
    const writers = await Promise.all(Array.from({ length: 6 }, () => f.pair("marketer")));
    const { principal: reader } = await f.pair("marketer");
    let writing = true;
    const writes = Promise.all(
      writers.map(async ({ principal: d }, i) => {
        for (let seq = 1; seq <= 40; seq++) await pushAs(i % 2 ? a : b, d, [webCreate(seq, d)]);
      }),
    ).finally(() => {
      writing = false;
    });
    const seen = new Set<string>();
    let cookie: Parameters<typeof pullAs>[2] = null;
    let pages = 0;
    // Alternate short pages (cookies with k) and whole pulls (head cookies
    // {v}): without the workspace lock this loses rows within a few runs.
    const page = async () => {
      const p = await pullAs(c, reader, cookie, pages % 2 ? 3 : 1000);
      for (const ch of p.changes) seen.add(idOf(ch));
      if (cookie && !p.reset) expect(p.cookie.v).toBeGreaterThanOrEqual(cookie.v);
      cookie = p.cookie;
      pages++;
      return p;
    };
    while (writing) await page();
    await writes;
    while ((await page()).hasMore);
    const all = (await a.dumpEntities(f.ws.id)).map((e) => e.id);
    expect(all).toHaveLength(240);
    expect([...seen].sort()).toEqual(all.sort());
    expect(pages).toBeGreaterThan(20);
  });

  for (const mode of ["batched", "savepoints"] as const) {
    it(`rejects only the mutation the database refuses (${mode})`, async () => {
      const [a] = (await instances(1, mode)) as [PostgresDb];
      // A test-only trigger stands in for a constraint one row trips.
      await a.handle.sql.unsafe(`
        CREATE FUNCTION refuse_boom() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF NEW.fields->>'what' = 'boom' THEN RAISE EXCEPTION 'boom refused'; END IF;
          RETURN NEW;
        END $$;
        CREATE TRIGGER refuse_boom BEFORE INSERT OR UPDATE ON observations
          FOR EACH ROW EXECUTE FUNCTION refuse_boom();`);
      const f = await seedWorkspace(a);
      const { principal: d } = await f.pair("marketer");
      const batch = [webCreate(1, d), webCreate(2, d, { what: "boom" }), webCreate(3, d)];
      const out = ok(await pushAs(a, d, batch));
      expect(out).toMatchObject({ lastSeq: 3, applied: 2, changed: true });
      expect(out.rejected).toEqual([
        { seq: 2, code: "internal", message: "the server could not apply this change" },
      ]);
      const ids = (await a.dumpEntities(f.ws.id)).map((e) => e.id).sort();
      expect(ids).toEqual([batch[0]?.id, batch[2]?.id].sort());
      expect((await a.listDevices(f.ws.id))[0]?.lastSeq).toBe(3);
    });
  }
});
