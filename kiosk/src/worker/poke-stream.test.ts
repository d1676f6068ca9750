import { describe, expect, it, vi } from "vitest";
import { watchPokes } from "./poke-stream.ts";

/** A streamed SSE response whose chunks we push by hand. */
function sseResponse() {
  let ctl!: ReadableStreamDefaultController<Uint8Array>;
  const body = new ReadableStream<Uint8Array>({
    start(c) {
      ctl = c;
    },
  });
  const enc = new TextEncoder();
  return {
    response: new Response(body, { headers: { "content-type": "text/event-stream" } }),
    send: (s: string) => ctl.enqueue(enc.encode(s)),
    end: () => ctl.close(),
  };
}

const tick = () => new Promise((r) => setTimeout(r, 5));

describe("poke stream", () => {
  it("sends the bearer token, pokes on connect and on every event, not on heartbeats", async () => {
    const s = sseResponse();
    const fetch = vi.fn(async (_url: RequestInfo | URL, _init?: RequestInit) => s.response);
    const onPoke = vi.fn();
    const stream = watchPokes({ url: "http://x/v1/sync/events", token: "tok", fetch, onPoke });
    await tick();
    expect(fetch.mock.calls[0]?.[1]?.headers).toMatchObject({ authorization: "Bearer tok" });
    expect(onPoke).toHaveBeenCalledTimes(1);
    s.send(": heartbeat\n\n");
    s.send("event: poke\ndata: {}\n\n");
    await tick();
    expect(onPoke).toHaveBeenCalledTimes(2);
    stream.stop();
    await stream.done;
  });

  it("reconnects after a failure or the end of the stream", async () => {
    let n = 0;
    const fetch = vi.fn(async () => {
      n++;
      if (n === 1) throw new TypeError("connection refused");
      const s = sseResponse();
      if (n === 2) s.end();
      return s.response;
    });
    const onPoke = vi.fn();
    const stream = watchPokes({
      url: "http://x/e",
      token: "t",
      fetch,
      onPoke,
      minDelayMs: 1,
      maxDelayMs: 2,
    });
    await vi.waitFor(() => expect(n).toBeGreaterThanOrEqual(3));
    expect(onPoke).toHaveBeenCalledTimes(2);
    stream.stop();
    await stream.done;
  });

  it("stops for good on 401", async () => {
    const fetch = vi.fn(async () => new Response("no", { status: 401 }));
    const onDenied = vi.fn();
    const stream = watchPokes({ url: "http://x/e", token: "t", fetch, onPoke: vi.fn(), onDenied });
    await stream.done;
    expect(onDenied).toHaveBeenCalledOnce();
    expect(fetch).toHaveBeenCalledOnce();
  });
});
