// @vitest-environment happy-dom
// The live badge during an outage: it must say Offline (it used to fall back
// to "Connecting"/"Live" while saves were failing).
import { describe, expect, it } from "vitest";
import { renderUi, settle } from "../../test/support/render.tsx";
import { createConnection } from "../api/connection.ts";
import { subscribeLive } from "../api/live.ts";
import { ConnectionContext } from "../ui/use-online.ts";
import { LiveBadge } from "./live-badge.tsx";

class FakeEventSource {
  static readonly CLOSED = 2;
  static last: FakeEventSource | undefined;
  readyState = 0;
  onopen: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onmessage: (() => void) | null = null;
  constructor() {
    FakeEventSource.last = this;
  }
  addEventListener() {}
  removeEventListener() {}
  close() {}
}

describe("live badge", () => {
  it("the stream's error is offline, and only an open is live again", () => {
    const states: string[] = [];
    subscribeLive({
      onPoke: () => {},
      onState: (s) => states.push(s),
      EventSourceImpl: FakeEventSource as unknown as typeof EventSource,
    });
    const es = FakeEventSource.last as FakeEventSource;
    es.onopen?.();
    es.readyState = 0; // EventSource is retrying by itself: still no live data
    es.onerror?.();
    expect(states).toEqual(["connecting", "live", "offline"]);
    es.onopen?.();
    expect(states.at(-1)).toBe("live");
  });

  it("opens a new stream after a refused one (a 429 over the per-token cap closes EventSource for good)", async () => {
    const states: string[] = [];
    const off = subscribeLive({
      onPoke: () => {},
      onState: (s) => states.push(s),
      EventSourceImpl: FakeEventSource as unknown as typeof EventSource,
      reopenAfterMs: 10,
    });
    const refused = FakeEventSource.last as FakeEventSource;
    refused.readyState = FakeEventSource.CLOSED;
    refused.onerror?.();
    await new Promise((r) => setTimeout(r, 30));
    const again = FakeEventSource.last as FakeEventSource;
    expect(again).not.toBe(refused);
    again.onopen?.();
    expect(states).toEqual(["connecting", "offline", "connecting", "live"]);
    off();
  });

  it("says Offline while the server cannot be reached, even if the stream looks open", async () => {
    const connection = createConnection({ probe: async () => false, probeEveryMs: 60_000 });
    const el = renderUi(
      <ConnectionContext.Provider value={connection}>
        <LiveBadge state="live" />
      </ConnectionContext.Provider>,
    );
    expect(el.textContent).toBe("Live");
    connection.report(false);
    await settle();
    expect(el.textContent).toBe("Offline");
    const vi = renderUi(
      <ConnectionContext.Provider value={connection}>
        <LiveBadge state="live" />
      </ConnectionContext.Provider>,
      { locale: "vi" },
    );
    expect(vi.textContent).toBe("Mất kết nối");
    connection.report(true);
    await settle();
    expect(el.textContent).toBe("Live");
  });

  it("probes until the server answers again", async () => {
    let up = false;
    const connection = createConnection({ probe: async () => up, probeEveryMs: 5 });
    connection.report(false);
    await new Promise((r) => setTimeout(r, 20));
    expect(connection.online()).toBe(false);
    up = true;
    await new Promise((r) => setTimeout(r, 30));
    expect(connection.online()).toBe(true);
  });
});
