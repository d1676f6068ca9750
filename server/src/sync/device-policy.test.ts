// The sync policy matrix: device kinds × channels × whose observations, over
// the real HTTP app. Expectations are read off the policy table's declarative
// fields (sync/device-policy.ts), not from the function that enforces it, so
// a change to either that disagrees with the other fails here.
//   create: every device × every channel            → allowed iff its kind owns the channel (own store for kiosks)
//   change: every device × every row of the others   → allowed iff kind owns the channel and the row is its own / its person's
//   pull:   every device                             → exactly its store's / its person's rows of its channels
import { type Channel, type Mutation, uuidv7 } from "@sightline/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { nextHlc, patch } from "../../test/support/mutations.ts";
import {
  createTestApp,
  TEST_STORE,
  type TestApp,
  type TestDevice,
} from "../../test/support/test-app.ts";
import { DEVICE_POLICY } from "./device-policy.ts";

type Actor = TestDevice & {
  name: string;
  kind: "kiosk" | "extension";
  person: string | null;
  seq: number;
};
type Row = { id: string; channel: Channel; by: Actor };

const CHANNELS: Channel[] = ["web", "event", "store", "feedback", "import"];

function fieldsFor(channel: Channel, storeId: string | undefined): Record<string, unknown> {
  const base = { capturedAt: new Date().toISOString(), what: `seen via ${channel}` };
  switch (channel) {
    case "web":
      return { ...base, channel, method: "competitor-audit", url: "https://shop.example.vn/p/1" };
    case "event":
      return { ...base, channel, method: "event-visit", eventName: "Vietnam Expo" };
    case "store":
      return { ...base, channel, method: "shopper-observation", storeId, behaviour: "asked-price" };
    case "feedback":
      return { ...base, channel, method: "feedback", storeId, rating: 1 };
    case "import":
      return { ...base, channel, method: "import", source: "crm", sourceRowId: "r1" };
  }
}

let t: TestApp;
let actors: Actor[];
const rows: Row[] = [];

async function pushOne(a: Actor, m: Omit<Mutation, "seq">) {
  const res = await t.push(a, [{ ...m, seq: ++a.seq } as Mutation]);
  expect(res.status).toBe(200);
  const body = (await res.json()) as { rejected: { code: string }[] };
  return body.rejected[0]?.code ?? "applied";
}

beforeAll(async () => {
  t = await createTestApp();
  const storeB = (await t.db.createStore(t.workspaceId, { ...TEST_STORE, name: "Q7" })).id;
  const p = await t.loginAs("marketer");
  const q = await t.loginAs("marketer");
  const mk = async (
    name: string,
    role: "staff" | "marketer",
    o: { storeId?: string; issuer?: { token: string; userId: string } },
  ): Promise<Actor> => ({
    ...(await t.pair(role, {
      ...(o.storeId ? { storeId: o.storeId } : {}),
      ...(o.issuer ? { issuerToken: o.issuer.token } : {}),
    })),
    name,
    kind: role === "staff" ? "kiosk" : "extension",
    person: role === "marketer" ? (o.issuer?.userId ?? t.admin.userId) : null,
    seq: 0,
  });
  actors = [
    await mk("kiosk A1", "staff", { storeId: t.storeId }),
    await mk("kiosk A2", "staff", { storeId: t.storeId }),
    await mk("kiosk B", "staff", { storeId: storeB }),
    await mk("P's browser 1", "marketer", { issuer: p }),
    await mk("P's browser 2", "marketer", { issuer: p }),
    await mk("Q's browser", "marketer", { issuer: q }),
    await mk("admin's browser", "marketer", {}),
  ];
}, 60_000);
afterAll(() => t?.close());

const owns = (a: Actor, channel: Channel) =>
  (DEVICE_POLICY[a.kind].channels as readonly Channel[]).includes(channel);

describe("sync policy matrix", () => {
  it("create: a device creates exactly its kind's channels (kiosks: of their own store)", async () => {
    const cells: string[] = [];
    for (const a of actors)
      for (const channel of CHANNELS) {
        const id = uuidv7();
        const got = await pushOne(a, {
          op: "obs.create",
          id,
          hlc: nextHlc(a.deviceId),
          fields: fieldsFor(channel, a.storeId),
        });
        const want = owns(a, channel) ? "applied" : "forbidden";
        cells.push(`${a.name} creates ${channel}: ${got === want ? "ok" : `${got}, want ${want}`}`);
        if (got === "applied") rows.push({ id, channel, by: a });
      }
    // A kiosk naming another store is refused too.
    const k = actors[0] as Actor;
    const other = actors[2]?.storeId;
    const got = await pushOne(k, {
      op: "obs.create",
      id: uuidv7(),
      hlc: nextHlc(k.deviceId),
      fields: fieldsFor("store", other),
    });
    cells.push(`kiosk A1 creates store for B: ${got === "forbidden" ? "ok" : got}`);
    expect(cells.filter((c) => !c.endsWith(": ok"))).toEqual([]);
    expect(rows.length).toBe(3 * 2 + 4 * 2); // 3 kiosks × 2 channels + 4 browsers × 2
  });

  it("pull: a device sees exactly its store's (kiosk) or its person's (extension) rows of its channels", async () => {
    for (const a of actors) {
      const res = await t.pull(a, null);
      const body = (await res.json()) as { changes: { entity: { id: string } }[] };
      const seen = body.changes.map((c) => c.entity.id).sort();
      const want = rows
        .filter((r) => owns(a, r.channel))
        .filter((r) =>
          DEVICE_POLICY[a.kind].pulls === "own-store"
            ? r.by.storeId === a.storeId
            : r.by.person === a.person,
        )
        .map((r) => r.id)
        .sort();
      expect(seen, a.name).toEqual(want);
    }
  });

  it("change: a device edits only rows of its channels made by itself (kiosk) or its person's devices (extension)", async () => {
    const cells: string[] = [];
    for (const a of actors)
      for (const r of rows) {
        const got = await pushOne(a, patch(0, a, r.id, { why: `${a.name} was here` }));
        const mayEdit =
          owns(a, r.channel) &&
          (DEVICE_POLICY[a.kind].edits === "own-device"
            ? r.by.deviceId === a.deviceId
            : r.by.person === a.person);
        const want = mayEdit ? "applied" : "forbidden";
        if (got !== want)
          cells.push(`${a.name} patches ${r.by.name}'s ${r.channel}: ${got}, want ${want}`);
      }
    expect(cells).toEqual([]);
  });
});
