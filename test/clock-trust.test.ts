// Issue 12, finding 1, end to end: honest devices (the real client engine)
// whose clocks are off by up to ±1 day, interleaved with a hostile device
// pushing stamps from the far future, with 16 digits and of garbage, through
// the real app. Whatever the interleaving, every honest device can still
// write and sync, every honest write lands, and an honest edit made after
// the attack wins everywhere. The same file runs on PostgreSQL from
// sync-invariants.postgres.test.ts.
import { type Entity, hlcFormat, type Mutation, uuidv4, uuidv7 } from "@sightline/shared";
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { type Harness, startHarness } from "./support/server-harness.ts";
import { createSimClient, type SimClient } from "./support/sim-client.ts";

const DAY = 86_400_000;
let harness: Harness | null = null;
afterEach(async () => {
  await harness?.close();
  harness = null;
});

const HOSTILE = ["far-future", "year-9999", "sixteen-digits", "garbage", "just-ahead"] as const;
type Hostile = (typeof HOSTILE)[number];

function hostileStamp(kind: Hostile, node: string): string {
  switch (kind) {
    case "far-future":
      return `999999999999999-zzzz-${node}`;
    case "year-9999":
      return hlcFormat({ ms: Date.UTC(9999, 11, 31), counter: 0, node });
    case "sixteen-digits":
      return `1${"0".repeat(15)}-0000-${node}`;
    case "garbage":
      return "not-a-stamp";
    case "just-ahead":
      return hlcFormat({ ms: Date.now() + 6 * 60_000, counter: 0, node });
  }
}

const webFields = (n: number, skewMs: number) => ({
  channel: "web",
  method: "competitor-audit",
  capturedAt: new Date(Date.now() + skewMs).toISOString(),
  url: `https://shop.vn/p/${n}`,
  what: `Giá ${n}.000₫`,
});

type Step =
  | { type: "write"; who: number; target: number }
  | { type: "sync"; who: number }
  | { type: "attack"; stamp: Hostile; target: number };

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ type: fc.constant("write" as const), who: fc.nat(2), target: fc.nat(3) }),
  fc.record({ type: fc.constant("sync" as const), who: fc.nat(2) }),
  fc.record({
    type: fc.constant("attack" as const),
    stamp: fc.constantFrom(...HOSTILE),
    target: fc.nat(3),
  }),
);

async function run(skews: number[], steps: Step[]) {
  await harness?.close();
  const h = await startHarness();
  harness = h;
  const transport = (token: string) => (path: "/v1/sync/push" | "/v1/sync/pull", body: unknown) =>
    h.handler(path, body, token);
  const clients: SimClient[] = [];
  for (const [i, skewMs] of skews.entries()) {
    const deviceId = uuidv4();
    const { token } = await h.pair(deviceId, "marketer");
    clients.push(
      await createSimClient({
        name: `honest-${i}`,
        deviceId,
        workspaceId: h.workspaceId,
        token,
        transport: transport(token),
        storage: "memory",
        skewMs,
      }),
    );
  }
  const evilId = uuidv4();
  const evil = await h.pair(evilId, "marketer"); // same person: may edit the honest rows
  let evilSeq = 0;
  const ids: string[] = [];
  const [first] = clients as [SimClient];
  // Four shared rows to fight over.
  for (let n = 0; n < 4; n++) {
    const id = uuidv7();
    ids.push(id);
    await first.engine.write({ op: "obs.create", id, fields: webFields(n, first.clock.skewMs) });
  }
  expect((await first.engine.sync()).ok).toBe(true);
  for (const c of clients) expect((await c.engine.sync()).ok).toBe(true);

  let n = 10;
  for (const s of steps) {
    if (s.type === "attack") {
      const m: Mutation = {
        seq: ++evilSeq,
        op: "obs.patch",
        id: ids[s.target] as string,
        hlc: hostileStamp(s.stamp, evilId),
        fields: { what: `hacked (${s.stamp})` },
      };
      const res = await h.handler(
        "/v1/sync/push",
        { protocol: 1, deviceId: evilId, clientSchema: 1, appVersion: "evil", mutations: [m] },
        evil.token,
      );
      // A malformed stamp is a malformed envelope (400); a well-formed one is taken and refused.
      expect([200, 400]).toContain(res.status);
      if (res.status === 400) evilSeq--;
      else
        expect((res.body as { rejected: { code: string }[] }).rejected[0]?.code).toBe(
          "clock-ahead",
        );
      continue;
    }
    const c = clients[s.who] as SimClient;
    if (s.type === "write")
      await c.engine.write({
        op: "obs.patch",
        id: ids[s.target] as string,
        fields: { why: `honest ${n++} by ${c.name}` },
      });
    else expect((await c.engine.sync()).ok, `${c.name} syncs`).toBe(true);
  }

  // Every honest device can still write and sync, and nothing stays queued.
  for (let round = 0; round < 2; round++)
    for (const c of clients) {
      await c.engine.write({ op: "obs.patch", id: ids[0] as string, fields: { how: c.name } });
      const out = await c.engine.sync();
      expect(out, `${c.name} after the attack`).toMatchObject({ ok: true });
      expect((await c.storage.stats()).unsynced).toBe(0);
    }
  for (const c of clients) await c.engine.sync();

  // An honest edit made after seeing everything wins, on the server and on every device.
  const last = clients[clients.length - 1] as SimClient;
  for (const id of ids)
    await last.engine.write({ op: "obs.patch", id, fields: { what: `final by ${last.name}` } });
  expect((await last.engine.sync()).ok).toBe(true);
  for (const c of clients) await c.engine.sync();
  const server = new Map((await h.dumpAll()).map((e: Entity) => [e.id, e]));
  for (const id of ids) {
    expect(server.get(id)?.fields.what).toBe(`final by ${last.name}`);
    for (const c of clients)
      expect((await c.storage.entity(id))?.fields.what, c.name).toBe(`final by ${last.name}`);
  }
  // No stored stamp is ahead of the server's clock by more than the bound.
  const bound = Date.now() + 5 * 60_000;
  for (const e of server.values())
    for (const stamp of Object.values(e.fieldHlc))
      expect(Number(stamp.slice(0, 15))).toBeLessThanOrEqual(bound);
}

describe("clocks: skewed and hostile stamps", () => {
  it("any interleaving of ±1 day skewed honest devices and hostile stamps leaves every device writing, syncing and converging", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: -DAY, max: DAY }), { minLength: 3, maxLength: 3 }),
        fc.array(stepArb, { minLength: 5, maxLength: 30 }),
        async (skews, steps) => run(skews, steps),
      ),
      { numRuns: 12, seed: 20261203 },
    );
  }, 120_000);

  it("a device whose clock runs a day ahead loses nothing: its offline writes are re-stamped and land once", async () => {
    await run(
      [DAY, -DAY, 0],
      [
        { type: "write", who: 0, target: 1 },
        { type: "write", who: 0, target: 2 },
        { type: "attack", stamp: "far-future", target: 1 },
        { type: "sync", who: 0 },
        { type: "sync", who: 1 },
        { type: "write", who: 1, target: 1 },
        { type: "sync", who: 1 },
      ],
    );
  });
});
