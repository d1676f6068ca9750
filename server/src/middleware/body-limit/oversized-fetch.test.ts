// An oversized body must reach Node's fetch (undici) as a readable 413
// problem, not "other side closed": a real listening server, real fetch,
// 3 MB bodies on the routes clients send big bodies to (pairing is a
// small-body route; a push is capped at 1 MiB), with and without a
// Content-Length (a streamed, chunked upload).
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/support/test-app.ts";

let t: TestApp;
let base: string;
let close: () => Promise<void>;
beforeAll(async () => {
  t = await createTestApp();
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: t.app.fetch, port: 0, hostname: "127.0.0.1" }, () => resolve(s));
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = async () => {
    if ("closeAllConnections" in server) server.closeAllConnections();
    await new Promise((r) => server.close(r));
    await t.close();
  };
});
afterAll(() => close());

const THREE_MB = 3 * 1024 * 1024;
const bigJson = () => JSON.stringify({ pad: "x".repeat(THREE_MB) });

/** The same bytes as a stream, so fetch sends them chunked with no Content-Length. */
function streamed(text: string): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  let at = 0;
  return new ReadableStream({
    pull(c) {
      if (at >= bytes.length) return c.close();
      c.enqueue(bytes.subarray(at, at + 64 * 1024));
      at += 64 * 1024;
    },
  });
}

describe.each(["/v1/devices/pair", "/v1/sync/push"])("POST %s with 3 MB", (path) => {
  it("answers a readable 413 problem to fetch (Content-Length known)", async () => {
    const res = await fetch(`${base}${path}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: bigJson(),
    });
    expect(res.status).toBe(413);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(await res.json()).toMatchObject({
      type: "urn:sightline:problem:too-large",
      status: 413,
    });
  });

  it("answers a readable 413 problem to a streamed upload (no Content-Length)", async () => {
    const res = await fetch(`${base}${path}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: streamed(bigJson()),
      duplex: "half",
    } as RequestInit);
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ status: 413 });
  });

  it("and the server still answers the next request", async () => {
    expect((await fetch(`${base}/health`)).status).toBe(200);
  });
});
