// The engine's only view of the network: POST a JSON body to a sync path and
// get back status, Retry-After and the parsed body (undefined when the body
// was not JSON — e.g. a captive portal's HTML page). Throws on network failure.
export type SyncPath = "/v1/sync/push" | "/v1/sync/pull";
export type TransportResponse = { status: number; retryAfterMs?: number; body: unknown };
export type Transport = (path: SyncPath, body: unknown) => Promise<TransportResponse>;

/** Parse a Retry-After header (seconds or HTTP date) into milliseconds. */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

export type FetchTransportOptions = {
  baseUrl: string;
  token: () => string | null | Promise<string | null>;
  fetch?: typeof fetch;
  /** Abort a request after this long (default 30 s). */
  timeoutMs?: number;
};

/** Transport over fetch with a bearer device token. */
export function createFetchTransport(o: FetchTransportOptions): Transport {
  const doFetch = o.fetch ?? globalThis.fetch.bind(globalThis);
  return async (path, body) => {
    const token = await o.token();
    const res = await doFetch(new URL(path, o.baseUrl).toString(), {
      method: "POST",
      headers: {
        "content-type": "application/json",
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(o.timeoutMs ?? 30_000),
    });
    const type = res.headers.get("content-type") ?? "";
    const parsed = type.includes("json") ? await res.json().catch(() => undefined) : undefined;
    if (!type.includes("json")) await res.body?.cancel();
    const retryAfterMs = parseRetryAfter(res.headers.get("retry-after"), Date.now());
    return {
      status: res.status,
      body: parsed,
      ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
    };
  };
}
