// A scripted Sightline server for worker unit tests, as a `fetch`: pairing,
// content-addressed blob PUTs (hash checked), push (gap-free seqs) and pull
// (config only). It logs every request in order, so tests can assert that a
// screenshot reached the server before the observation naming it.
import { sha256Hex } from "../worker/sha256.ts";

export type LoggedRequest = { method: string; path: string; ids: string[] };

export type FakeServer = {
  fetch: typeof fetch;
  log: LoggedRequest[];
  blobs: Map<string, Uint8Array>;
  observations: Map<string, Record<string, unknown>>;
  /** Throw like fetch does when the host is unreachable. */
  offline: boolean;
  /** Answer blob PUTs with this status instead of storing them. */
  blobStatus: number | null;
  pairCode: string;
  competitors: { id: string; name: string; domains: string[] }[];
};

export function createFakeServer(): FakeServer {
  const lastSeq = new Map<string, number>();
  const json = (status: number, body: unknown) =>
    new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
  const server: FakeServer = {
    log: [],
    blobs: new Map(),
    observations: new Map(),
    offline: false,
    blobStatus: null,
    pairCode: "ABCD2345",
    competitors: [{ id: "c1", name: "ĐiệnMáyXanhLá", domains: ["dienmayxanhla.vn"] }],
    fetch: async (input, init) => {
      const url = new URL(
        typeof input === "string" ? input : input instanceof URL ? input.href : input.url,
      );
      const method = init?.method ?? "GET";
      if (server.offline) throw new TypeError("fetch failed");
      const body = init?.body;
      if (method === "PUT" && url.pathname.startsWith("/v1/blobs/")) {
        const sha = url.pathname.slice("/v1/blobs/".length);
        server.log.push({ method, path: url.pathname, ids: [sha] });
        if (server.blobStatus !== null) return json(server.blobStatus, { title: "scripted" });
        const bytes = new Uint8Array(body as ArrayBuffer);
        if ((await sha256Hex(bytes)) !== sha) return json(400, { title: "hash mismatch" });
        const existed = server.blobs.has(sha);
        server.blobs.set(sha, bytes);
        return json(existed ? 200 : 201, { sha256: sha });
      }
      const payload = typeof body === "string" ? JSON.parse(body) : {};
      if (url.pathname === "/v1/devices/pair") {
        server.log.push({ method, path: url.pathname, ids: [] });
        if (payload.code !== server.pairCode) return json(400, { title: "bad code" });
        return json(201, {
          token: "device-token",
          device: { id: payload.deviceId, kind: "extension", role: "marketer", workspaceId: "ws1" },
        });
      }
      if (
        init?.headers &&
        (init.headers as Record<string, string>).authorization !== "Bearer device-token"
      ) {
        return json(401, { title: "unauthorized" });
      }
      if (url.pathname === "/v1/sync/push") {
        const muts = payload.mutations as {
          seq: number;
          id: string;
          op: string;
          fields?: Record<string, unknown>;
        }[];
        server.log.push({ method, path: url.pathname, ids: muts.map((m) => m.id) });
        let last = lastSeq.get(payload.deviceId) ?? 0;
        for (const m of muts) {
          if (m.seq <= last) continue;
          if (m.seq > last + 1) return json(409, { error: "seq-gap", expectedSeq: last + 1 });
          if (m.op === "obs.create") server.observations.set(m.id, { ...m.fields });
          if (m.op === "obs.patch") Object.assign(server.observations.get(m.id) ?? {}, m.fields);
          if (m.op === "obs.delete") server.observations.delete(m.id);
          last = m.seq;
        }
        lastSeq.set(payload.deviceId, last);
        return json(200, {
          lastSeq: last,
          version: 1,
          serverTime: new Date().toISOString(),
          rejected: [],
        });
      }
      if (url.pathname === "/v1/sync/pull") {
        server.log.push({ method, path: url.pathname, ids: [] });
        return json(200, {
          cookie: { epoch: "e1", v: 1 },
          reset: payload.cookie === null,
          hasMore: false,
          lastSeq: lastSeq.get(payload.deviceId) ?? 0,
          serverTime: new Date().toISOString(),
          changes: [],
          config: {
            workspace: { id: "ws1", name: "Demo" },
            competitors: server.competitors,
            tags: ["promo"],
          },
        });
      }
      return json(404, { title: "not found" });
    },
  };
  return server;
}
