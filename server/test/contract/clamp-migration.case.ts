// The clamp of stamps stored before clocks were bounded (migration 7), as one
// case run by each adapter's test with its own way to run SQL: rows poisoned
// by an old server (no drift bound) come out clamped to now, honest stamps
// untouched, a new epoch so devices rebuild their mirrors, and an honest edit
// made after the migration wins again.
import { hlcFormat, hlcWallMs } from "@sightline/shared";
import { expect } from "vitest";
import type { Db } from "../../src/db/port.ts";
import { NOW, pushAs, seedWorkspace, webCreate } from "./fixture.ts";

export type ClampTarget = {
  db: Db;
  /** Run migration 7's SQL again over the current rows. */
  runClamp(): Promise<void>;
  /** The epoch as stored now (the adapter caches its own at open). */
  storedEpoch(): Promise<string>;
};

const YEAR_9999 = Date.UTC(9999, 0, 1);

export async function checkClampMigration(t: ClampTarget): Promise<void> {
  const f = await seedWorkspace(t.db);
  const d = (await f.pair("marketer")).principal;
  const honest = webCreate(1, d);
  const poisoned = { ...webCreate(2, d), hlc: `999999999999999-zzzz-${d.deviceId}` };
  const patch = {
    seq: 3,
    op: "obs.patch" as const,
    id: honest.id,
    hlc: hlcFormat({ ms: YEAR_9999, counter: 0, node: d.deviceId }),
    fields: { why: "poisoned why" },
  };
  const del = { seq: 4, op: "obs.delete" as const, id: poisoned.id, hlc: poisoned.hlc };
  // An old server, without the bound: everything applies.
  const old = await t.db.push({
    workspaceId: f.ws.id,
    device: d,
    appVersion: "old",
    mutations: [honest, poisoned, patch, del],
    now: NOW,
    maxClockDriftMs: Number.MAX_SAFE_INTEGER,
  });
  expect(old).toMatchObject({ kind: "ok", applied: 4 });
  const epochBefore = await t.storedEpoch();

  const before = Date.now();
  await t.runClamp();
  const after = Date.now();

  const rows = new Map((await t.db.dumpEntities(f.ws.id)).map((e) => [e.id, e]));
  const stamps = [...rows.values()].flatMap((e) => [
    ...Object.values(e.fieldHlc),
    ...(e.deletedHlc ? [e.deletedHlc] : []),
  ]);
  for (const s of stamps) expect(hlcWallMs(s)).toBeLessThanOrEqual(after);
  const h = rows.get(honest.id);
  expect(h?.fieldHlc.what).toBe(honest.hlc); // an honest stamp is left as it was
  expect(hlcWallMs(h?.fieldHlc.why)).toBeGreaterThanOrEqual(before - 1000);
  expect(h?.fieldHlc.why?.endsWith(`-0000-${d.deviceId}`)).toBe(true);
  expect(rows.get(poisoned.id)?.deletedHlc?.endsWith(`-zzzz-${d.deviceId}`)).toBe(true);
  expect(await t.storedEpoch()).not.toBe(epochBefore);

  // Now an honest edit made after the migration wins.
  const edit = {
    seq: 5,
    op: "obs.patch" as const,
    id: honest.id,
    hlc: hlcFormat({ ms: Date.now() + 1, counter: 0, node: d.deviceId }),
    fields: { why: "honest why" },
  };
  await pushAs(t.db, d, [edit], new Date());
  expect((await t.db.getObservation(f.ws.id, honest.id))?.fields.why).toBe("honest why");

  // Nothing ahead any more: running it again changes neither rows nor epoch.
  const epoch = await t.storedEpoch();
  await new Promise((r) => setTimeout(r, 10)); // the edit above is 1 ms ahead
  await t.runClamp();
  expect(await t.storedEpoch()).toBe(epoch);
}
