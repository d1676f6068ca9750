// A minimal text/event-stream parser (WHATWG HTML §9.2.6) for the sync pokes.
// EventSource cannot send an Authorization header, so the worker reads the
// stream with fetch and feeds the decoded text here.

export type SseEvent = { event: string; data: string; id?: string };

export function createSseParser(onEvent: (e: SseEvent) => void): { push(chunk: string): void } {
  let buffer = "";
  let event = "";
  let data: string[] = [];
  let id: string | undefined;
  let seen = false;

  const dispatch = () => {
    if (seen && (data.length > 0 || event)) {
      onEvent({ event: event || "message", data: data.join("\n"), ...(id ? { id } : {}) });
    }
    event = "";
    data = [];
    seen = false;
  };

  const line = (l: string) => {
    if (l === "") return dispatch();
    if (l.startsWith(":")) return; // comment / heartbeat
    const colon = l.indexOf(":");
    const field = colon < 0 ? l : l.slice(0, colon);
    let value = colon < 0 ? "" : l.slice(colon + 1);
    if (value.startsWith(" ")) value = value.slice(1);
    seen = true;
    if (field === "event") event = value;
    else if (field === "data") data.push(value);
    else if (field === "id") id = value;
  };

  return {
    push(chunk) {
      buffer += chunk;
      // Keep a trailing "\r" in the buffer: it may be the first half of "\r\n".
      const parts = buffer.split(/\r\n|\n|\r(?!$)/);
      buffer = parts.pop() ?? "";
      for (const p of parts) line(p);
    },
  };
}
