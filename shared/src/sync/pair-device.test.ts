import { describe, expect, it } from "vitest";
import { pairDevice, serverOrigin } from "./pair-device.ts";

const answer = (status: number, body: unknown) => async () =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
const REQUEST = { code: "ABCD2345", deviceId: "dev-1", kind: "kiosk" } as const;
const PAIRED = {
  token: "tok",
  device: { id: "dev-1", kind: "kiosk", role: "staff", storeId: "s1", workspaceId: "w1" },
};

describe("pairDevice", () => {
  it("posts the request as JSON and reads the device and its lastSeq", async () => {
    const sent: { url: string; body: unknown }[] = [];
    const doFetch = (async (url: string, init: { body: string }) => {
      sent.push({ url, body: JSON.parse(init.body) });
      return answer(201, { ...PAIRED, device: { ...PAIRED.device, lastSeq: 7 } })();
    }) as unknown as typeof fetch;
    expect(await pairDevice(doFetch, "https://s.example", REQUEST)).toEqual({
      ok: true,
      token: "tok",
      device: PAIRED.device,
      lastSeq: 7,
    });
    expect(sent).toEqual([{ url: "https://s.example/v1/devices/pair", body: REQUEST }]);
  });

  it("reads a missing lastSeq (a server before round 2) as 0 and drops an empty storeId", async () => {
    const body = { ...PAIRED, device: { ...PAIRED.device, storeId: "" } };
    const r = await pairDevice(answer(201, body) as typeof fetch, "https://s.example", REQUEST);
    expect(r).toMatchObject({ ok: true, lastSeq: 0 });
    expect(r.ok && "storeId" in r.device).toBe(false);
  });

  it("tells a taken device id from a code that will not do", async () => {
    const taken = { type: "urn:sightline:problem:device-id-taken", status: 409 };
    const pair = (status: number, body: unknown = { title: "no" }) =>
      pairDevice(answer(status, body) as typeof fetch, "https://s.example", REQUEST);
    expect(await pair(409, taken)).toMatchObject({ ok: false, error: "device-id-taken" });
    for (const status of [400, 401, 403, 404, 409, 410])
      expect(await pair(status)).toEqual({
        ok: false,
        error: "bad-code",
        status,
        detail: `HTTP ${status}`,
      });
    for (const status of [429, 500, 503])
      expect(await pair(status)).toMatchObject({ ok: false, error: "server", status });
  });

  it("refuses an answer that is not a pairing (a captive portal) and reports no answer", async () => {
    const portal = async () => new Response("<html>login</html>", { status: 200 });
    expect(await pairDevice(portal as typeof fetch, "https://s.example", REQUEST)).toMatchObject({
      ok: false,
      error: "server",
    });
    const offline = async () => {
      throw new TypeError("fetch failed");
    };
    expect(await pairDevice(offline as typeof fetch, "https://s.example", REQUEST)).toEqual({
      ok: false,
      error: "network",
      detail: "TypeError: fetch failed",
    });
  });
});

describe("serverOrigin", () => {
  it("keeps the origin of an http(s) URL and refuses anything else", () => {
    expect(serverOrigin(" https://s.example/kiosk/?x=1 ")).toBe("https://s.example");
    expect(serverOrigin("http://127.0.0.1:8787")).toBe("http://127.0.0.1:8787");
    expect(serverOrigin("ftp://s.example")).toBeNull();
    expect(serverOrigin("not a url")).toBeNull();
  });
});
