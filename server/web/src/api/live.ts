// Live pokes from `GET /v1/sync/events` (server-sent events, session cookie).
// Pokes carry no data: on each one the open page re-reads what it shows.
// EventSource reconnects by itself after a dropped stream; a refused one
// (429 over the per-token cap) is opened again after a while.
export type LiveState = "connecting" | "live" | "offline";

export type LiveOptions = {
  url?: string;
  onPoke: () => void;
  onState?: (s: LiveState) => void;
  /** The open-alert count (`event: alerts`, admins and managers): at connect and on change. */
  onAlerts?: (open: number) => void;
  /** Injected in tests. */
  EventSourceImpl?: typeof EventSource;
  /**
   * When the server refuses the stream (a 429 over the per-token cap, any
   * non-200) EventSource gives up for good; open a new one after this long.
   */
  reopenAfterMs?: number;
};

/** Subscribe; returns the unsubscribe function. */
export function subscribeLive({
  url = "/v1/sync/events",
  onPoke,
  onState,
  onAlerts,
  EventSourceImpl,
  reopenAfterMs = 30_000,
}: LiveOptions): () => void {
  const ES = EventSourceImpl ?? globalThis.EventSource;
  if (!ES) {
    onState?.("offline");
    return () => {};
  }
  const poke = () => onPoke();
  const alerts = (e: Event) => {
    try {
      const open = (JSON.parse(String((e as MessageEvent).data)) as { open?: unknown }).open;
      if (typeof open === "number") onAlerts?.(open);
    } catch {
      // Not ours to break on: a malformed event is skipped.
    }
  };
  let source: EventSource;
  let reopen: ReturnType<typeof setTimeout> | undefined;
  const open = () => {
    onState?.("connecting");
    source = new ES(url, { withCredentials: true });
    source.onopen = () => onState?.("live");
    // An error means the stream is down: EventSource keeps retrying by itself,
    // but until it opens again nothing live arrives, so say "offline" (saying
    // "connecting" hid outages; "live" only ever follows a successful open).
    // A refused stream (readyState CLOSED) is not retried by EventSource.
    source.onerror = () => {
      onState?.("offline");
      if (source.readyState === ES.CLOSED && reopen === undefined)
        reopen = setTimeout(() => {
          reopen = undefined;
          source.removeEventListener("poke", poke);
          source.removeEventListener("alerts", alerts);
          open();
        }, reopenAfterMs);
    };
    source.onmessage = poke;
    source.addEventListener("poke", poke);
    source.addEventListener("alerts", alerts);
  };
  open();
  return () => {
    clearTimeout(reopen);
    source.removeEventListener("poke", poke);
    source.removeEventListener("alerts", alerts);
    source.close();
  };
}
