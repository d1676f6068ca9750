// Live pokes: GET /v1/sync/events (SSE) read with fetch so the bearer token
// can be sent. Every event, and every (re)connection, asks for a sync — a
// reconnect means the server is back and may hold changes we missed. The
// loop reconnects with capped, jittered backoff until stopped; a 401/403
// stops it (the sync scheduler reports the unpaired state).
import type { Timers } from "../core/idle-timer.ts";
import { createSseParser } from "./sse-parser.ts";

export type PokeStreamOptions = {
  url: string;
  token: string;
  fetch: typeof fetch;
  onPoke: () => void;
  onDenied?: () => void;
  timers?: Timers;
  random?: () => number;
  minDelayMs?: number;
  maxDelayMs?: number;
};

export type PokeStream = { stop(): void; done: Promise<void> };

export function watchPokes(o: PokeStreamOptions): PokeStream {
  const timers: Timers = o.timers ?? {
    setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
    clearTimeout: (h) => globalThis.clearTimeout(h as ReturnType<typeof setTimeout>),
  };
  const random = o.random ?? Math.random;
  const min = o.minDelayMs ?? 1000;
  const max = o.maxDelayMs ?? 15_000;
  let stopped = false;
  let abort: AbortController | null = null;
  let reader: ReadableStreamDefaultReader<string> | null = null;
  let wake: (() => void) | null = null;
  let sleeping: unknown = null;

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      wake = resolve;
      sleeping = timers.setTimeout(resolve, ms);
    });

  async function connect(): Promise<"denied" | "ended"> {
    abort = new AbortController();
    const res = await o.fetch(o.url, {
      headers: { authorization: `Bearer ${o.token}`, accept: "text/event-stream" },
      cache: "no-store",
      signal: abort.signal,
    });
    if (res.status === 401 || res.status === 403) {
      await res.body?.cancel();
      return "denied";
    }
    if (!res.ok || !res.body) {
      await res.body?.cancel();
      throw new Error(`HTTP ${res.status}`);
    }
    o.onPoke();
    const parser = createSseParser(() => o.onPoke());
    reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return "ended";
      parser.push(value);
    }
  }

  async function loop(): Promise<void> {
    let attempt = 0;
    while (!stopped) {
      try {
        const r = await connect();
        if (r === "denied") {
          if (!stopped) o.onDenied?.();
          return;
        }
        attempt = 0;
      } catch {
        // network down or server gone: retry below
      }
      if (stopped) return;
      attempt++;
      const ceiling = Math.min(max, min * 2 ** Math.min(attempt - 1, 20));
      await sleep(ceiling / 2 + (random() * ceiling) / 2);
    }
  }

  const done = loop();
  return {
    done,
    stop() {
      stopped = true;
      abort?.abort();
      reader?.cancel().catch(() => undefined);
      if (sleeping !== null) timers.clearTimeout(sleeping);
      wake?.();
    },
  };
}
