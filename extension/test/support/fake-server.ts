// A scripted Sightline server for worker unit tests, as a `fetch`: pairing
// (re-admission of a revoked device under its old id keeps its lastSeq; an id
// in use answers 409 device-id-taken), content-addressed blob PUTs (hash
// checked), push (gap-free seqs per device), pull (config only) and a page's
// teammates' captures (GET /v1/pages/captures, scripted). A revoked
// device's token answers 401. It logs every request in order, so tests can
// assert that a screenshot reached the server before the observation naming it.
import { sha256Hex } from "../../src/worker/sha256.ts";

export type LoggedRequest = { method: string; path: string; ids: string[] };
export type FakeDevice = { token: string; revoked: boolean; lastSeq: number };

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
  /** Device rows by id: the server keeps lastSeq through revocation. */
  devices: Map<string, FakeDevice>;
  /** What a manager does in Admin → Devices: the token answers 401 from now on. */
  revoke(deviceId: string): void;
  /** Answer a new device id as one the server already holds seqs for (lastSeq). */
  pairLastSeq: number;
  /** Teammates' captures GET /v1/pages/captures answers, and the page URLs it was asked about. */
  pageCaptures: unknown[];
  pageCaptureQueries: string[];
};

export function createFakeServer(): FakeServer {
  let tokens = 0;
  const json = (status: number, body: unknown, type = "application/json") =>
    new Response(JSON.stringify(body), { status, headers: { "content-type": type } });
  const server: FakeServer = {
    log: [],
    blobs: new Map(),
    observations: new Map(),
    offline: false,
    blobStatus: null,
    pairCode: "ABCD2345",
    competitors: [{ id: "c1", name: "ĐiệnMáyXanhLá", domains: ["dienmayxanhla.vn"] }],
    devices: new Map(),
    pairLastSeq: 0,
    pageCaptures: [],
    pageCaptureQueries: [],
    revoke(deviceId) {
      const d = server.devices.get(deviceId);
      if (d) d.revoked = true;
    },
    fetch: async (input, init) => {
      const url = new URL(
        typeof input === "string" ? input : input instanceof URL ? input.href : input.url,
      );
      const method = init?.method ?? "GET";
      if (server.offline) throw new TypeError("fetch failed");
      const body = init?.body;
      const auth = new Headers(init?.headers).get("authorization");
      const device = [...server.devices.values()].find(
        (d) => !d.revoked && auth === `Bearer ${d.token}`,
      );
      if (method === "PUT" && url.pathname.startsWith("/v1/blobs/")) {
        const sha = url.pathname.slice("/v1/blobs/".length);
        server.log.push({ method, path: url.pathname, ids: [sha] });
        if (!device) return json(401, { title: "unauthorized" });
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
        const known = server.devices.get(payload.deviceId);
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
        if (payload.code !== server.pairCode) return json(400, { title: "bad code" });
        // Re-admission keeps the device's seq line.
        const row = {
          token: `device-token-${++tokens}`,
          revoked: false,
          lastSeq: known?.lastSeq ?? server.pairLastSeq,
        };
        server.devices.set(payload.deviceId, row);
        return json(201, {
          token: row.token,
          device: {
            id: payload.deviceId,
            kind: "extension",
            role: "marketer",
            workspaceId: "ws1",
            lastSeq: row.lastSeq,
          },
        });
      }
      if (!device) return json(401, { title: "unauthorized" });
      // Not logged: a revisit asks it on the side, and the log is the sync story.
      if (method === "GET" && url.pathname === "/v1/pages/captures") {
        server.pageCaptureQueries.push(url.searchParams.get("url") ?? "");
        return json(200, { captures: server.pageCaptures });
      }
      if (url.pathname === "/v1/sync/push") {
        const muts = payload.mutations as {
          seq: number;
          id: string;
          op: string;
          fields?: Record<string, unknown>;
        }[];
        server.log.push({ method, path: url.pathname, ids: muts.map((m) => m.id) });
        let last = device.lastSeq;
        for (const m of muts) {
          if (m.seq <= last) continue;
          if (m.seq > last + 1) return json(409, { error: "seq-gap", expectedSeq: last + 1 });
          if (m.op === "obs.create") server.observations.set(m.id, { ...m.fields });
          if (m.op === "obs.patch") Object.assign(server.observations.get(m.id) ?? {}, m.fields);
          if (m.op === "obs.delete") server.observations.delete(m.id);
          last = m.seq;
        }
        device.lastSeq = last;
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
          lastSeq: device.lastSeq,
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
