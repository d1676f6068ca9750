// A small in-memory stand-in for the Sightline server's device routes, as a
// `fetch` function: pairing (with re-admission of a revoked device under its
// old id, and 409 device-id-taken for an id in use), push (acks in order per
// device, rejects nothing), pull (hands out the store config once) and an SSE
// stream that stays open. A revoked device's token answers 401.
// The end-to-end test (test/kiosk.e2e.test.ts) runs against the real server.
import type { Entity } from "@sightline/shared/entity";
import type { SyncConfig } from "@sightline/shared/schema/config";

export type FakeDevice = { token: string; revoked: boolean; lastSeq: number };

export type FakeServer = {
  fetch: typeof fetch;
  /** Mutations received, in order, without duplicates. */
  mutations: { seq: number; op: string; id: string; fields?: Record<string, unknown> }[];
  down: boolean;
  codes: Set<string>;
  tokens: string[];
  requests: { path: string; auth: string | null }[];
  /** Device rows by id: the server keeps lastSeq through revocation. */
  devices: Map<string, FakeDevice>;
  /** What a manager does in Admin → Devices: the token answers 401 from now on. */
  revoke(deviceId: string): void;
  /** The store's rows (other devices' too), handed out with the config on a fresh pull. */
  rows: Entity[];
};

export const TEST_CONFIG: SyncConfig = {
  workspace: { id: "w1", name: "Demo" },
  store: {
    id: "s1",
    name: "Cửa hàng Quận 1",
    timeZone: "Asia/Ho_Chi_Minh",
    zones: ["Cửa vào", "Điện thoại", "Laptop"],
    behaviours: [
      { code: "browsed", label_vi: "Xem hàng", label_en: "Browsed" },
      { code: "asked-price", label_vi: "Hỏi giá", label_en: "Asked price" },
      { code: "purchased", label_vi: "Đã mua", label_en: "Purchased" },
    ],
    feedbackQuestion: { vi: "Bạn có hài lòng hôm nay?", en: "Were you happy today?" },
    reasons: [
      { code: "slow-checkout", need: "efficiency", label_vi: "Chờ lâu", label_en: "Slow checkout" },
      {
        code: "friendly-staff",
        need: "empathy",
        label_vi: "Nhân viên thân thiện",
        label_en: "Friendly staff",
      },
      { code: "good-price", need: "price", label_vi: "Giá tốt", label_en: "Good price" },
    ],
  },
};

export function createFakeServer(config: SyncConfig = TEST_CONFIG): FakeServer {
  let version = 0;
  const json = (status: number, body: unknown, type = "application/json") =>
    new Response(JSON.stringify(body), { status, headers: { "content-type": type } });

  const server: FakeServer = {
    mutations: [],
    down: false,
    codes: new Set(["ABCD2345"]),
    tokens: [],
    requests: [],
    devices: new Map(),
    rows: [],
    revoke(deviceId) {
      const d = server.devices.get(deviceId);
      if (d) d.revoked = true;
    },
    fetch: async (input, init) => {
      const url = new URL(typeof input === "string" || input instanceof URL ? input : input.url);
      const headers = new Headers(init?.headers);
      server.requests.push({ path: url.pathname, auth: headers.get("authorization") });
      if (server.down) throw new TypeError("Failed to fetch");
      const body = init?.body ? JSON.parse(String(init.body)) : undefined;
      const device = () =>
        [...server.devices.values()].find(
          (d) => !d.revoked && headers.get("authorization") === `Bearer ${d.token}`,
        );
      switch (url.pathname) {
        case "/v1/devices/pair": {
          const known = server.devices.get(body.deviceId);
          if (known && !known.revoked) {
            return json(
              409,
              {
                type: "urn:sightline:problem:device-id-taken",
                title: "Device id taken",
                status: 409,
                detail: "this id belongs to a device that is not revoked",
              },
              "application/problem+json",
            );
          }
          if (!server.codes.delete(body.code)) return json(400, { title: "bad code" });
          const token = `tok-${server.tokens.length + 1}`;
          server.tokens.push(token);
          // Re-admission keeps the device's seq line.
          const row = { token, revoked: false, lastSeq: known?.lastSeq ?? 0 };
          server.devices.set(body.deviceId, row);
          return json(201, {
            token,
            device: {
              id: body.deviceId,
              kind: "kiosk",
              role: "staff",
              storeId: "s1",
              workspaceId: "w1",
              lastSeq: row.lastSeq,
            },
          });
        }
        case "/v1/sync/push": {
          const d = device();
          if (!d) return json(401, {});
          for (const m of body.mutations) {
            if (m.seq !== d.lastSeq + 1) continue;
            server.mutations.push(m);
            d.lastSeq = m.seq;
            version++;
          }
          return json(200, {
            lastSeq: d.lastSeq,
            version,
            serverTime: new Date().toISOString(),
            rejected: [],
          });
        }
        case "/v1/sync/pull": {
          const d = device();
          if (!d) return json(401, {});
          return json(200, {
            cookie: { epoch: "e1", v: version },
            reset: body.cookie === null,
            hasMore: false,
            lastSeq: d.lastSeq,
            serverTime: new Date().toISOString(),
            changes:
              body.cookie === null ? server.rows.map((entity) => ({ op: "put", entity })) : [],
            ...(body.cookie === null ? { config } : {}),
          });
        }
        case "/v1/sync/events":
          if (!device()) return json(401, {});
          return new Response(new ReadableStream(), {
            headers: { "content-type": "text/event-stream" },
          });
        default:
          return json(404, {});
      }
    },
  };
  return server;
}
