import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { cors, createOriginAllowList } from "./index.ts";

function app(deviceOrigins: string[] = []) {
  const list = createOriginAllowList({
    configured: ["https://kiosk.example.vn"],
    deviceOrigins: async () => deviceOrigins,
    pairingPath: "/v1/devices/pair",
  });
  const a = new Hono().use(cors(list.check));
  a.all("*", (c) => c.text("ok"));
  return { a, list };
}
const preflight = (origin: string, path = "/v1/x") =>
  new Request(`http://localhost${path}`, {
    method: "OPTIONS",
    headers: { origin, "access-control-request-method": "POST" },
  });

describe("cors", () => {
  it("allows configured and paired-device origins, and the server's own", async () => {
    const { a } = app(["chrome-extension://abc"]);
    for (const origin of [
      "https://kiosk.example.vn",
      "chrome-extension://abc",
      "http://localhost",
    ]) {
      const res = await a.request("/v1/x", { headers: { origin } });
      expect(res.headers.get("access-control-allow-origin")).toBe(origin);
    }
    const ok = await a.request(preflight("chrome-extension://abc"));
    expect(ok.status).toBe(204);
    expect(ok.headers.get("access-control-allow-headers")).toContain("authorization");
  });

  it("refuses other origins, on preflight and on the answer", async () => {
    const { a } = app();
    const res = await a.request("/v1/x", { headers: { origin: "https://evil.example" } });
    expect(res.headers.get("access-control-allow-origin")).toBeNull();
    expect((await a.request(preflight("https://evil.example"))).status).toBe(403);
    expect((await a.request(preflight("chrome-extension://unknown"))).status).toBe(403);
  });

  it("lets any extension reach the pairing route, and learns new device origins", async () => {
    const origins: string[] = [];
    const { a, list } = app(origins);
    expect((await a.request(preflight("moz-extension://new-one", "/v1/devices/pair"))).status).toBe(
      204,
    );
    expect((await a.request(preflight("moz-extension://new-one"))).status).toBe(403);
    origins.push("moz-extension://new-one");
    list.invalidate();
    expect((await a.request(preflight("moz-extension://new-one"))).status).toBe(204);
  });
});
