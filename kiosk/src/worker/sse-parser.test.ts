import { describe, expect, it } from "vitest";
import { createSseParser, type SseEvent } from "./sse-parser.ts";

function parse(chunks: string[]): SseEvent[] {
  const out: SseEvent[] = [];
  const p = createSseParser((e) => out.push(e));
  for (const c of chunks) p.push(c);
  return out;
}

describe("SSE parser", () => {
  it("dispatches events on a blank line, with type, data and id", () => {
    expect(parse(['event: poke\ndata: {"version":3}\nid: 7\n\n'])).toEqual([
      { event: "poke", data: '{"version":3}', id: "7" },
    ]);
  });

  it("joins multi-line data and defaults the type to message", () => {
    expect(parse(["data: a\ndata: b\n\n"])).toEqual([{ event: "message", data: "a\nb" }]);
  });

  it("ignores comments (heartbeats) and handles chunks split anywhere, CRLF too", () => {
    const text = ": ping\r\n\r\nevent: poke\r\ndata: 1\r\n\r\n";
    const chunks = text.split("");
    expect(parse(chunks)).toEqual([{ event: "poke", data: "1" }]);
  });

  it("does not dispatch an unfinished event", () => {
    expect(parse(["event: poke\ndata: 1\n"])).toEqual([]);
  });
});
