// One delivery attempt: POST the stored body, signed, with a timeout; no
// redirects followed (a 3xx is a failure the log shows); the answer is read
// up to MAX_RESPONSE_BYTES and dropped, so a receiver that streams forever
// or answers with megabytes cannot hold the worker.
import { SIGNATURE_HEADER, signBody } from "./signature.ts";
import { resolvesForbidden } from "./target-url.ts";

export const DELIVERY_TIMEOUT_MS = 10_000;
export const MAX_RESPONSE_BYTES = 64 * 1024;

export type SendOutcome = { ok: boolean; statusCode: number | null; error: string | null };
export type Fetch = typeof fetch;

export async function sendSigned(o: {
  url: string;
  secret: string;
  body: string;
  eventType: string;
  eventId: string;
  deliveryId: string;
  fetch?: Fetch;
  timeoutMs?: number;
  signal?: AbortSignal;
}): Promise<SendOutcome> {
  const timeout = AbortSignal.timeout(o.timeoutMs ?? DELIVERY_TIMEOUT_MS);
  const signal = o.signal ? AbortSignal.any([timeout, o.signal]) : timeout;
  if (await resolvesForbidden(o.url))
    return { ok: false, statusCode: null, error: "refused: link-local address" };
  try {
    const res = await (o.fetch ?? fetch)(o.url, {
      method: "POST",
      redirect: "manual",
      signal,
      headers: {
        "content-type": "application/json; charset=utf-8",
        "user-agent": "Sightline-Webhooks/1",
        [SIGNATURE_HEADER]: signBody(o.secret, o.body),
        "Sightline-Event": o.eventType,
        "Sightline-Id": o.eventId,
        "Sightline-Delivery": o.deliveryId,
      },
      body: o.body,
    });
    await drain(res, MAX_RESPONSE_BYTES);
    const ok = res.status >= 200 && res.status < 300;
    return { ok, statusCode: res.status, error: ok ? null : `HTTP ${res.status}` };
  } catch (e) {
    const name = (e as { name?: string })?.name;
    const error =
      name === "TimeoutError" || timeout.aborted
        ? "timed out"
        : `network error: ${(e as { cause?: { code?: string } })?.cause?.code ?? (e instanceof Error ? e.message : String(e))}`;
    return { ok: false, statusCode: null, error };
  }
}

/** Read at most `max` bytes of the answer, then let the connection go. */
async function drain(res: Response, max: number): Promise<void> {
  const reader = res.body?.getReader();
  if (!reader) return;
  let seen = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      seen += value.byteLength;
      if (seen > max) {
        await reader.cancel();
        return;
      }
    }
  } catch {
    // the answer broke off after the status: the status stands
  }
}
