import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { randomFields } from "../../test/support/random-fields.ts";
import type { ScannedObservation, ScopeChanges } from "../db/port.ts";
import type { JournalScope } from "./model.ts";
import { createScopeCache } from "./scope-cache.ts";
import { journalStats } from "./stats.ts";

type Row = ScannedObservation & { live: boolean };

/** An in-memory Db with the port's semantics (scope = channels only). */
function fakeDb() {
  const rows = new Map<string, Row>();
  const calls = { scans: [] as string[], changes: 0 };
  let version = 0;
  const inScope = (r: Row, s: JournalScope) =>
    r.live && (!s.channels?.length || s.channels.includes(r.fields.channel as never));
  const order = (a: Row, b: Row) => {
    const d = Date.parse(a.fields.capturedAt as string) - Date.parse(b.fields.capturedAt as string);
    return d || (a.id < b.id ? -1 : 1);
  };
  const view = ({ live: _, ...o }: Row): ScannedObservation => o;
  return {
    calls,
    version: () => version,
    /** One workspace version: every write stamped with it. */
    write(changes: { id: string; fields?: Record<string, unknown>; live?: boolean }[]) {
      version++;
      for (const c of changes) {
        const cur = rows.get(c.id);
        rows.set(c.id, {
          id: c.id,
          createdBy: "d",
          version,
          fields: c.fields ?? cur?.fields ?? {},
          live: c.live ?? true,
        });
      }
    },
    async scanScopedObservations(ws: string, scope: JournalScope) {
      calls.scans.push(`${ws}:${JSON.stringify(scope)}`);
      return [...rows.values()]
        .filter((r) => inScope(r, scope))
        .sort(order)
        .map(view);
    },
    async scanScopedChanges(
      _ws: string,
      scope: JournalScope,
      since: number,
    ): Promise<ScopeChanges> {
      calls.changes++;
      const changed = [...rows.values()].filter((r) => r.version > since).sort(order);
      return {
        changedIds: changed.map((r) => r.id),
        observations: changed.filter((r) => inScope(r, scope)).map(view),
      };
    },
  };
}

const at = (minute: number) => new Date(Date.UTC(2026, 2, 1, 0, minute)).toISOString();
const obs = (id: string, minute: number, channel = "web") => ({
  id,
  fields: { channel, capturedAt: at(minute), what: id },
});

describe("createScopeCache", () => {
  it("scans once per workspace, version and scope (key order does not matter)", async () => {
    const db = fakeDb();
    db.write([obs("o1", 1)]);
    const cache = createScopeCache(db);
    const a = await cache.get("w", 1, { channels: ["web"], needs: ["price"] });
    const b = await cache.get("w", 1, { needs: ["price"], channels: ["web"] });
    expect(b).toBe(a);
    await cache.get("w", 1, { channels: ["store"] });
    await cache.get("v", 1, { channels: ["web"], needs: ["price"] });
    expect(db.calls.scans).toHaveLength(3);
  });

  it("computes a derived result once per entry", async () => {
    const cache = createScopeCache(fakeDb());
    const entry = await cache.get("w", 1, {});
    let runs = 0;
    const f = () => ++runs;
    expect(cache.derive(entry, "x", f)).toBe(1);
    expect(cache.derive(entry, "x", f)).toBe(1);
    expect(cache.derive(entry, "other", f)).toBe(2);
  });

  it("brings the newest entry of a scope forward from the changes instead of rescanning", async () => {
    const db = fakeDb();
    db.write([obs("a", 1), obs("b", 5), obs("c", 9, "store")]);
    const cache = createScopeCache(db);
    const scope = { channels: ["web" as const] };
    const first = await cache.get("w", 1, scope);
    expect(cache.stats(first).total).toBe(2);
    db.write([obs("d", 3), { id: "b", live: false }, obs("c", 2, "web")]);
    const next = await cache.get("w", 2, scope);
    expect(db.calls).toMatchObject({ scans: ['w:{"channels":["web"]}'], changes: 1 });
    expect(next.observations.map((o) => o.id)).toEqual(["a", "c", "d"]);
    expect(cache.stats(next)).toEqual(journalStats(next.observations));
    expect(cache.stats(first).total).toBe(2); // the older entry's stats are untouched
    expect(await cache.get("w", 2, scope)).toBe(next);
    await cache.get("w", 1, scope); // brought forward, so gone: rescanned
    expect(db.calls.scans).toHaveLength(2);
  });

  it("rescans when a changed observation has no capturedAt to order it by", async () => {
    const db = fakeDb();
    db.write([obs("a", 1)]);
    const cache = createScopeCache(db);
    await cache.get("w", 1, {});
    db.write([{ id: "x", fields: { channel: "web", what: "x" } }]);
    await cache.get("w", 2, {});
    expect(db.calls.scans).toHaveLength(2);
  });

  it("keeps the most recently used entries only", async () => {
    const db = fakeDb();
    const cache = createScopeCache(db, 2);
    await cache.get("w", 1, { channels: ["web"] });
    await cache.get("w", 1, { channels: ["store"] });
    await cache.get("w", 1, { channels: ["web"] });
    await cache.get("w", 1, { channels: ["event"] });
    await cache.get("w", 1, { channels: ["web"] });
    expect(db.calls.scans).toHaveLength(3);
    await cache.get("w", 1, { channels: ["store"] });
    expect(db.calls.scans).toHaveLength(4);
  });

  it("is, version after version, what a fresh scan and a full stats pass give (property)", async () => {
    const write = fc.record({
      id: fc.constantFrom("o1", "o2", "o3", "o4", "o5", "o6", "o7", "o8"),
      live: fc.boolean(),
      fields: randomFields,
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(write, { minLength: 0, maxLength: 6 }), { minLength: 1, maxLength: 8 }),
        fc.constantFrom<JournalScope>({}, { channels: ["web", "store"] }),
        fc.boolean(),
        async (batches, scope, statsEveryTime) => {
          const db = fakeDb();
          const cache = createScopeCache(db);
          for (const batch of batches) {
            db.write(batch);
            const entry = await cache.get("w", db.version(), scope);
            const fresh = await db.scanScopedObservations("w", scope);
            expect(entry.observations).toEqual(fresh);
            if (statsEveryTime) expect(cache.stats(entry)).toEqual(journalStats(fresh));
          }
          const last = await cache.get("w", db.version(), scope);
          expect(cache.stats(last)).toEqual(journalStats(last.observations));
          // One scan by the cache, the rest by this test: every later version came from changes.
          expect(db.calls.scans).toHaveLength(1 + batches.length);
        },
      ),
      { numRuns: 200 },
    );
  });
});
