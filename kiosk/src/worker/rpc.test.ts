import { describe, expect, it } from "vitest";
import { type Endpoint, exposeService, wrapService } from "./rpc.ts";

type Api = {
  add(a: number, b: number): Promise<number>;
  echo(v: unknown): Promise<unknown>;
  fail(): Promise<never>;
  failWith(v: unknown): Promise<never>;
  subscribe(listener: (n: number) => void): Promise<void>;
  emit(n: number): Promise<void>;
};

function connect(): Api {
  const { port1, port2 } = new MessageChannel();
  const listeners: ((n: number) => void)[] = [];
  exposeService(
    {
      add: async (a: number, b: number) => a + b,
      echo: async (v: unknown) => v,
      fail: async () => {
        const e = new Error("the queue is full");
        e.name = "QuotaError";
        throw e;
      },
      failWith: async (v: unknown) => {
        throw v;
      },
      subscribe: async (l: (n: number) => void) => {
        listeners.push(l);
      },
      emit: async (n: number) => {
        for (const l of listeners) l(n);
      },
    },
    port2 as unknown as Endpoint,
  );
  const api = wrapService<Api>(port1 as unknown as Endpoint);
  port1.start();
  port2.start();
  return api;
}

describe("worker rpc", () => {
  it("calls methods and structured-clones answers", async () => {
    const api = connect();
    expect(await api.add(2, 3)).toBe(5);
    const value = { when: new Date(0), list: [1, "a", null], nested: { ok: true } };
    expect(await api.echo(value)).toEqual(value);
    const [a, b] = await Promise.all([api.add(1, 1), api.add(2, 2)]);
    expect([a, b]).toEqual([2, 4]);
  });

  it("rejects with the thrown Error's name and message, or the thrown value", async () => {
    const api = connect();
    await expect(api.fail()).rejects.toMatchObject({
      name: "QuotaError",
      message: "the queue is full",
    });
    await expect(api.fail()).rejects.toBeInstanceOf(Error);
    await expect(api.failWith({ code: 7 })).rejects.toEqual({ code: 7 });
  });

  it("passes a listener as a callback the worker can call again and again", async () => {
    const api = connect();
    const seen: number[] = [];
    await api.subscribe((n) => seen.push(n));
    await api.emit(1);
    await api.emit(2);
    await new Promise((r) => setTimeout(r, 10));
    expect(seen).toEqual([1, 2]);
  });

  it("is not a thenable, so it can be returned from an async function", async () => {
    const api = connect();
    const got = await (async () => api)();
    expect(await got.add(1, 2)).toBe(3);
  });
});
