// GET /v1/sync/events: a listener gets `event: poke` after a push commits,
// and is cleaned up when it disconnects; streams are capped per token; a
// shutdown ends every stream with a goodbye and a short retry hint.
import { afterEach, describe, expect, it } from "vitest";
import { webObservation } from "../../test/support/mutations.ts";
import { createTestApp, type TestApp } from "../../test/support/test-app.ts";

let t: TestApp;
afterEach(() => t?.close());

async function readUntil(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  needle: string,
): Promise<string> {
  const decoder = new TextDecoder();
  let text = "";
  const deadline = Date.now() + 5000;
  while (!text.includes(needle)) {
    if (Date.now() > deadline) throw new Error(`no ${needle} in ${text}`);
    const { value, done } = await reader.read();
    if (done) break;
    text += decoder.decode(value);
  }
  return text;
}

describe("GET /v1/sync/events", () => {
  it("pokes a listener of the workspace after a push, with heartbeats, and cleans up", async () => {
    t = await createTestApp({ sseHeartbeatMs: 20 });
    const d = await t.pair("marketer");
    const res = await t.request("/v1/sync/events", { token: t.admin.token });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/event-stream");
    const reader = res.body?.getReader() as ReadableStreamDefaultReader<Uint8Array>;
    await readUntil(reader, ": connected");
    expect(t.deps.notifier.listenerCount()).toBe(1);
    const pushed = await (await t.push(d, [webObservation(1, d)])).json();
    const text = await readUntil(reader, "event: poke");
    expect(text).toContain(`data: {"version":${pushed.version}}`);
    await readUntil(reader, ": heartbeat");
    await reader.cancel();
    await new Promise((r) => setTimeout(r, 10));
    expect(t.deps.notifier.listenerCount()).toBe(0);
  });

  it("needs a token", async () => {
    t = await createTestApp();
    expect((await t.request("/v1/sync/events")).status).toBe(401);
  });

  it("caps open streams per token: one more is a 429 problem; other tokens and freed slots are fine", async () => {
    t = await createTestApp({ ssePerToken: 2 });
    const open = async (token: string) => {
      const res = await t.request("/v1/sync/events", { token });
      const reader = res.body?.getReader() as ReadableStreamDefaultReader<Uint8Array>;
      if (res.status === 200) await readUntil(reader, ": connected");
      return { res, reader };
    };
    const a = await open(t.admin.token);
    await open(t.admin.token);
    const third = await t.request("/v1/sync/events", { token: t.admin.token });
    expect(third.status).toBe(429);
    expect(third.headers.get("content-type")).toBe("application/problem+json");
    expect(third.headers.get("retry-after")).toBe("30");
    expect((await third.json()).detail).toMatch(/at most 2 open event streams per token/);

    const other = await t.loginAs("viewer");
    expect((await open(other.token)).res.status).toBe(200);

    await a.reader.cancel();
    await new Promise((r) => setTimeout(r, 20));
    expect((await open(t.admin.token)).res.status).toBe(200);
  });

  it("on shutdown ends each stream with `event: bye` and a 1 s retry hint", async () => {
    const shutdown = new AbortController();
    t = await createTestApp({ shutdown: shutdown.signal });
    const res = await t.request("/v1/sync/events", { token: t.admin.token });
    const reader = res.body?.getReader() as ReadableStreamDefaultReader<Uint8Array>;
    await readUntil(reader, ": connected");
    shutdown.abort();
    const text = await readUntil(reader, "retry: 1000");
    expect(text).toContain('event: bye\ndata: {"reason":"shutdown"}\nretry: 1000');
    expect((await reader.read()).done).toBe(true);
    expect(t.deps.notifier.listenerCount()).toBe(0);
  });
});
