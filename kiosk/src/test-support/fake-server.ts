// A small in-memory stand-in for the Sightline server's device routes, as a
// `fetch` function: pairing, push (acks in order, rejects nothing), pull
// (hands out the store config once) and an SSE stream that stays open.
// The end-to-end test (test/kiosk.e2e.test.ts) runs against the real server.
import type { SyncConfig } from "@sightline/shared/schema/config";

export type FakeServer = {
  fetch: typeof fetch;
  /** Mutations received, in order, without duplicates. */
  mutations: { seq: number; op: string; id: string; fields?: Record<string, unknown> }[];
  down: boolean;
  codes: Set<string>;
  tokens: string[];
  requests: { path: string; auth: string | null }[];
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
  let lastSeq = 0;
  let version = 0;
  const json = (status: number, body: unknown) =>
    new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

  const server: FakeServer = {
    mutations: [],
    down: false,
    codes: new Set(["ABCD2345"]),
    tokens: [],
    requests: [],
    fetch: async (input, init) => {
      const url = new URL(typeof input === "string" || input instanceof URL ? input : input.url);
      const headers = new Headers(init?.headers);
      server.requests.push({ path: url.pathname, auth: headers.get("authorization") });
      if (server.down) throw new TypeError("Failed to fetch");
      const body = init?.body ? JSON.parse(String(init.body)) : undefined;
      const authed = () =>
        server.tokens.some((t) => headers.get("authorization") === `Bearer ${t}`);
      switch (url.pathname) {
        case "/v1/devices/pair": {
          if (!server.codes.delete(body.code)) return json(400, { title: "bad code" });
          const token = `tok-${server.tokens.length + 1}`;
          server.tokens.push(token);
          return json(201, {
            token,
            device: {
              id: body.deviceId,
              kind: "kiosk",
              role: "staff",
              storeId: "s1",
              workspaceId: "w1",
            },
          });
        }
        case "/v1/sync/push": {
          if (!authed()) return json(401, {});
          for (const m of body.mutations) {
            if (m.seq !== lastSeq + 1) continue;
            server.mutations.push(m);
            lastSeq = m.seq;
            version++;
          }
          return json(200, {
            lastSeq,
            version,
            serverTime: new Date().toISOString(),
            rejected: [],
          });
        }
        case "/v1/sync/pull": {
          if (!authed()) return json(401, {});
          return json(200, {
            cookie: { epoch: "e1", v: version },
            reset: body.cookie === null,
            hasMore: false,
            lastSeq,
            serverTime: new Date().toISOString(),
            changes: [],
            ...(body.cookie === null ? { config } : {}),
          });
        }
        case "/v1/sync/events":
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
