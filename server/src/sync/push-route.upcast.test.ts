// A server update with older tablets in the field: queued mutations of an
// older client schema still sync, upcast by the server before the push
// algorithm sees them (docs/sync-protocol.md "Status codes": 426 when no upcaster exists).
//
// The wire stays at CLIENT_SCHEMA_VERSION = 1, so the test swaps in a world
// one schema ahead through the "@sightline/shared" import the server uses:
// there the server is at schema 2 (today's observation shape) and schema 1 is
// a pre-release kiosk shape — `kind`, `text`, `at` (epoch ms), `store`,
// `face` — with a real 1 → 2 upcaster. The client engine imports shared by
// relative paths, so it stays a schema-1 client, like a tablet not yet updated.
import {
  createMemoryStorage,
  createSyncEngine,
  type Mutation,
  PROTOCOL_VERSION,
  uuidv7,
} from "@sightline/shared";
import { afterEach, describe, expect, it, vi } from "vitest";
import { nextHlc } from "../../test/support/mutations.ts";
import { createTestApp, type TestApp, type TestDevice } from "../../test/support/test-app.ts";

vi.mock("@sightline/shared", async (importOriginal) => {
  const real = await importOriginal<typeof import("@sightline/shared")>();
  const CHANNEL = { tap: "store", face: "feedback", web: "web" } as const;
  const METHOD = { tap: "shopper-observation", face: "feedback", web: "competitor-audit" } as const;
  /** Pre-release shape → today's: renamed fields, epoch ms → ISO-8601 in +07:00. */
  const legacyToCurrent = (m: Mutation): Mutation => {
    const { kind, text, at, store, face, page, ...rest } = (m.fields ?? {}) as Record<
      string,
      unknown
    >;
    if (kind === undefined && text === undefined) return m;
    if (kind === "photo")
      throw new Error("photo notes of schema 1 cannot be upcast; update the app");
    const fields: Record<string, unknown> = { ...rest };
    if (text !== undefined) fields.what = text;
    if (m.op === "obs.create" && typeof kind === "string" && kind in CHANNEL) {
      const k = kind as keyof typeof CHANNEL;
      fields.channel = CHANNEL[k];
      fields.method = METHOD[k];
      if (typeof at === "number")
        fields.capturedAt = `${new Date(at + 7 * 3_600_000).toISOString().slice(0, 19)}+07:00`;
      if (store !== undefined) fields.storeId = store;
      if (face !== undefined) fields.rating = face;
      if (page !== undefined) fields.url = page;
      if (k === "face" && text === undefined) fields.what = "Phản hồi";
    }
    return { ...m, fields };
  };
  return {
    ...real,
    CLIENT_SCHEMA_VERSION: 2,
    upcastMutation: real.createUpcaster({ 1: legacyToCurrent }, 2),
  };
});

let t: TestApp;
afterEach(() => t?.close());

const AT = Date.UTC(2026, 10, 24, 3, 15); // 10:15 in Hồ Chí Minh City

function pushAs(d: TestDevice, clientSchema: number, mutations: Mutation[]) {
  return t.request("/v1/sync/push", {
    method: "POST",
    token: d.token,
    json: {
      protocol: PROTOCOL_VERSION,
      deviceId: d.deviceId,
      clientSchema,
      appVersion: "0.9",
      mutations,
    },
  });
}
const legacy = (d: TestDevice, seq: number, fields: Record<string, unknown>, op = "obs.create") =>
  ({ seq, op, id: uuidv7(), hlc: nextHlc(d.deviceId), fields }) as Mutation;
const view = async (id: string) =>
  (await t.request(`/v1/observations/${id}`, { token: t.admin.token })).json();

describe("queued mutations of an older client schema", () => {
  it("a tablet still on schema 1 pushes its old-shape queue; the server stores today's shape", async () => {
    t = await createTestApp();
    const kiosk = await t.pair("staff");
    const tap = legacy(kiosk, 1, {
      kind: "tap",
      text: "Hỏi giá rồi đi",
      at: AT,
      store: kiosk.storeId,
      behaviour: "asked-price",
    });
    const face = legacy(kiosk, 2, {
      kind: "face",
      face: 2,
      at: AT,
      store: kiosk.storeId,
      reasons: ["price"],
    });
    const edit = {
      ...legacy(kiosk, 3, { text: "Hỏi giá iPhone rồi đi" }, "obs.patch"),
      id: tap.id,
    };
    const res = await pushAs(kiosk, 1, [tap, face, edit]);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ lastSeq: 3, rejected: [] });
    expect(await view(tap.id)).toMatchObject({
      channel: "store",
      method: "shopper-observation",
      what: "Hỏi giá iPhone rồi đi",
      capturedAt: "2026-11-24T10:15:00+07:00",
      storeId: kiosk.storeId,
      behaviour: "asked-price",
    });
    expect(await view(face.id)).toMatchObject({ channel: "feedback", rating: 2, what: "Phản hồi" });
    const keys = (await t.dumpAll()).flatMap((e) => Object.keys(e.fields));
    for (const old of ["kind", "text", "at", "store", "face", "page"])
      expect(keys).not.toContain(old);
  });

  it("an old mutation the upcaster cannot make valid is rejected alone and never blocks the queue", async () => {
    t = await createTestApp();
    const kiosk = await t.pair("staff");
    const bad = legacy(kiosk, 1, { kind: "face", face: 7, at: AT, store: kiosk.storeId });
    const good = legacy(kiosk, 2, { kind: "tap", text: "Vào xem", at: AT, store: kiosk.storeId });
    const body = await (await pushAs(kiosk, 1, [bad, good])).json();
    expect(body.lastSeq).toBe(2);
    expect(body.rejected).toEqual([expect.objectContaining({ seq: 1 })]);
    expect((await t.dumpAll()).map((e) => e.id)).toEqual([good.id]);
  });

  it("a schema-1 client engine (not yet updated) still syncs its queue after the server update", async () => {
    t = await createTestApp();
    const ext = await t.pair("marketer");
    const storage = createMemoryStorage();
    await storage.init(ext.deviceId, ext.workspaceId);
    const engine = createSyncEngine({
      storage,
      transport: (path, body) => t.handler(path, body, ext.token),
      appVersion: "0.9",
    });
    const ids = [];
    for (let i = 0; i < 3; i++)
      ids.push(
        (
          await engine.write({
            op: "obs.create",
            id: uuidv7(),
            fields: {
              channel: "web",
              method: "competitor-audit",
              capturedAt: new Date(AT).toISOString(),
              url: `https://rival.example.vn/p/${i}`,
              what: `Giảm giá ${i}`,
            },
          })
        ).id,
      );
    expect(await engine.sync()).toMatchObject({ ok: true, pushed: 3 });
    expect((await t.dumpAll()).map((e) => e.id).sort()).toEqual(ids.sort());
  });

  it("a queue the upcaster cannot convert gets 426 and nothing of it is written", async () => {
    t = await createTestApp();
    const kiosk = await t.pair("staff");
    const ok = legacy(kiosk, 1, { kind: "tap", text: "Vào xem", at: AT, store: kiosk.storeId });
    const photo = legacy(kiosk, 2, { kind: "photo", text: "ảnh kệ", at: AT, store: kiosk.storeId });
    const res = await pushAs(kiosk, 1, [ok, photo]);
    expect(res.status).toBe(426);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect((await res.json()).detail).toContain("update the app");
    expect(await t.dumpAll()).toEqual([]);
    expect((await t.db.listDevices(t.workspaceId))[0]?.lastSeq).toBe(0);
    // Below the envelope's minimum schema it is a malformed request (queue kept).
    expect((await pushAs(kiosk, 0, [ok])).status).toBe(400);
  });
});
