// Live pokes from `GET /v1/sync/events` (server-sent events, session cookie).
// Pokes carry no data: on each one the open page re-reads what it shows.
// EventSource reconnects by itself; we only report the state.
export type LiveState = "connecting" | "live" | "offline";

export type LiveOptions = {
  url?: string;
  onPoke: () => void;
  onState?: (s: LiveState) => void;
  /** Injected in tests. */
  EventSourceImpl?: typeof EventSource;
};

/** Subscribe; returns the unsubscribe function. */
export function subscribeLive({
  url = "/v1/sync/events",
  onPoke,
  onState,
  EventSourceImpl,
}: LiveOptions): () => void {
  const ES = EventSourceImpl ?? globalThis.EventSource;
  if (!ES) {
    onState?.("offline");
    return () => {};
  }
  onState?.("connecting");
  const source = new ES(url, { withCredentials: true });
  const poke = () => onPoke();
  source.onopen = () => onState?.("live");
  // An error means the stream is down: EventSource keeps retrying by itself,
  // but until it opens again nothing live arrives, so say "offline" (saying
  // "connecting" hid outages; "live" only ever follows a successful open).
  source.onerror = () => onState?.("offline");
  source.onmessage = poke;
  source.addEventListener("poke", poke);
  return () => {
    source.removeEventListener("poke", poke);
    source.close();
  };
}
