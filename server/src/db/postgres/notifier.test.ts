// LISTEN/NOTIFY pokes between instances: two notifiers on one schema stand
// in for two server processes.
import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import {
  openPostgresTestParts,
  type PostgresTestParts,
} from "../../../test/support/postgres-db.ts";
import { postgresTestTarget } from "../../../test/support/postgres-schema.ts";
import { createPostgresNotifier, type PostgresNotifier } from "./notifier.ts";

const target = await postgresTestTarget();
const url = target.ok ? target.url : "";
const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const f of cleanup.reverse()) await f();
  cleanup.length = 0;
});

async function instance(parts: PostgresTestParts, name?: string): Promise<PostgresNotifier> {
  const n = await createPostgresNotifier(parts.url, parts.db.handle.sql, {
    backoffMs: [20],
    ...(name ? { name } : {}),
  });
  cleanup.push(() => n.close());
  return n;
}

function collector() {
  const got: number[] = [];
  const waiters: (() => void)[] = [];
  return {
    got,
    fn: (v: number) => {
      got.push(v);
      for (const w of waiters.splice(0)) w();
    },
    async until(pred: (got: number[]) => boolean, ms = 5000) {
      const deadline = Date.now() + ms;
      while (!pred(got)) {
        if (Date.now() > deadline) throw new Error(`timed out; got ${JSON.stringify(got)}`);
        await new Promise<void>((r) => {
          waiters.push(r);
          setTimeout(r, 50);
        });
      }
    },
  };
}

describe.skipIf(!target.ok)("PostgreSQL notifier (LISTEN/NOTIFY)", () => {
  it("pokes listeners on another instance, and local ones exactly once", async () => {
    const parts = await openPostgresTestParts(url);
    cleanup.push(() => parts.close());
    const a = await instance(parts);
    const b = await instance(parts);
    const onA = collector();
    const onB = collector();
    a.subscribe("w1", onA.fn);
    const offB = b.subscribe("w1", onB.fn);
    expect(b.listenerCount()).toBe(1);
    b.notify("w1", 7);
    b.notify("w2", 8);
    await onA.until((g) => g.includes(7));
    await new Promise((r) => setTimeout(r, 100));
    expect(onA.got).toEqual([7]);
    expect(onB.got).toEqual([7]);
    offB();
    expect(b.listenerCount()).toBe(0);
  });

  it("does not hear other schemas (deployments or test runs sharing a database)", async () => {
    const one = await openPostgresTestParts(url);
    cleanup.push(() => one.close());
    const two = await openPostgresTestParts(url);
    cleanup.push(() => two.close());
    expect(one.notifier.channel).not.toBe(two.notifier.channel);
    const heard = collector();
    two.notifier.subscribe("w", heard.fn);
    const other = await instance(one);
    other.notify("w", 1);
    const same = await instance(two);
    same.notify("w", 2);
    await heard.until((g) => g.includes(2));
    expect(heard.got).toEqual([2]);
  });

  it("listens again after its connection dies and pokes with the current version", async () => {
    const parts = await openPostgresTestParts(url);
    cleanup.push(() => parts.close());
    const ws = await parts.db.createWorkspace("Acme");
    await parts.db.createStore(ws.id, {
      name: "Q1",
      timeZone: "Asia/Ho_Chi_Minh",
      zones: [],
      behaviours: [],
      feedbackQuestion: { vi: "?", en: "?" },
      reasons: [],
    });
    const name = `sightline-listen-${randomUUID().slice(0, 8)}`;
    const a = await instance(parts, name);
    const b = await instance(parts);
    const heard = collector();
    a.subscribe(ws.id, heard.fn);
    const killed = await parts.db.handle.sql`
      SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = ${name}`;
    expect(killed.count).toBe(1);
    await heard.until((g) => g.includes(1)); // the catch-up poke: version 1 after createStore
    b.notify(ws.id, 42);
    await heard.until((g) => g.includes(42));
  });
});
