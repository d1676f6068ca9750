// A tiny Server-Sent Events reader over fetch for tests: keeps every event,
// lets a test wait for the first one matching a predicate.
export type SseEvent = { event: string; data: string };

export type SseClient = {
  events: SseEvent[];
  /** The first event (already received or still to come) matching `match`. */
  next(match: (e: SseEvent) => boolean, timeoutMs?: number): Promise<SseEvent>;
  count(event: string): number;
  close(): Promise<void>;
};

export async function openSse(url: string, token: string): Promise<SseClient> {
  const abort = new AbortController();
  const res = await fetch(url, {
    headers: { authorization: `Bearer ${token}`, accept: "text/event-stream" },
    signal: abort.signal,
  });
  if (res.status !== 200 || !res.body) throw new Error(`SSE ${url} → ${res.status}`);
  const events: SseEvent[] = [];
  const waiters = new Set<() => void>();
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  const pump = (async () => {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += value;
      let end = buffer.indexOf("\n\n");
      while (end >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const e: SseEvent = { event: "message", data: "" };
        let hasData = false;
        for (const line of block.split("\n")) {
          if (line.startsWith("event:")) e.event = line.slice(6).trim();
          else if (line.startsWith("data:")) {
            e.data += (hasData ? "\n" : "") + line.slice(5).trimStart();
            hasData = true;
          }
        }
        if (hasData) events.push(e);
        for (const w of waiters) w();
        end = buffer.indexOf("\n\n");
      }
    }
  })().catch(() => undefined);

  return {
    events,
    next(match, timeoutMs = 10_000) {
      const found = events.find(match);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const check = () => {
          const e = events.find(match);
          if (!e) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(e);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(
            new Error(`no matching SSE event in ${timeoutMs} ms; got ${JSON.stringify(events)}`),
          );
        }, timeoutMs);
        waiters.add(check);
      });
    },
    count: (event) => events.filter((e) => e.event === event).length,
    async close() {
      abort.abort();
      await pump;
    },
  };
}
