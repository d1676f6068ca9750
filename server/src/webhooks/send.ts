// One delivery attempt: POST the stored body, signed, with a timeout; no
// redirects followed (a 3xx is a failure the log shows); the answer is read
// up to MAX_RESPONSE_BYTES and dropped, so a receiver that streams forever
// or answers with megabytes cannot hold the worker.
//
// The receiver's name is resolved once (target-url.ts judges every address
// it has) and the connection goes to the address that passed: node:http's
// `lookup` is replaced by one that answers only that address, while the
// Host header and TLS SNI/certificate check still use the URL's name. A DNS
// answer that changes between the check and the connect (rebinding) is
// never asked for.
import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import { SIGNATURE_HEADER, signBody } from "./signature.ts";
import { DEFAULT_POLICY, type Resolver, resolveTarget, type TargetPolicy } from "./target-url.ts";

export const DELIVERY_TIMEOUT_MS = 10_000;
export const MAX_RESPONSE_BYTES = 64 * 1024;

export type SendOutcome = { ok: boolean; statusCode: number | null; error: string | null };

export async function sendSigned(o: {
  url: string;
  secret: string;
  body: string;
  eventType: string;
  eventId: string;
  deliveryId: string;
  policy?: TargetPolicy;
  /** Name resolution (tests stand in a rebinding DNS); the system resolver otherwise. */
  resolve?: Resolver;
  timeoutMs?: number;
  signal?: AbortSignal;
}): Promise<SendOutcome> {
  const timeout = AbortSignal.timeout(o.timeoutMs ?? DELIVERY_TIMEOUT_MS);
  const signal = o.signal ? AbortSignal.any([timeout, o.signal]) : timeout;
  // The name lookup counts against the attempt's time too (a resolver that
  // never answers must not hold the worker past the timeout).
  const aborted = new Promise<"aborted">((resolve) => {
    if (signal.aborted) resolve("aborted");
    else signal.addEventListener("abort", () => resolve("aborted"), { once: true });
  });
  const target = await Promise.race([
    resolveTarget(o.url, o.policy ?? DEFAULT_POLICY, o.resolve),
    aborted,
  ]);
  if (target === "aborted") return { ok: false, statusCode: null, error: "timed out" };
  if (!target.ok)
    return {
      ok: false,
      statusCode: null,
      // "refused: <class> address <ip>" — the web app reads the prefix (webhooks-admin.tsx).
      error: target.refused
        ? `refused: ${target.refused} address ${target.address}`
        : `network error: ${target.error}`,
    };
  const pinned: LookupFunction = (_host, opts, cb) => {
    if ((opts as { all?: boolean }).all)
      (cb as (e: null, a: { address: string; family: number }[]) => void)(null, [
        { address: target.address, family: target.family },
      ]);
    else cb(null, target.address, target.family);
  };
  const body = Buffer.from(o.body, "utf8");
  const url = new URL(o.url);
  try {
    const status = await new Promise<number>((resolve, reject) => {
      const req = (url.protocol === "https:" ? https : http).request(url, {
        method: "POST",
        lookup: pinned,
        agent: false, // no pooled socket from an earlier, differently resolved attempt
        signal,
        headers: {
          "content-type": "application/json; charset=utf-8",
          "content-length": String(body.byteLength),
          "user-agent": "Sightline-Webhooks/1",
          [SIGNATURE_HEADER]: signBody(o.secret, o.body),
          "Sightline-Event": o.eventType,
          "Sightline-Id": o.eventId,
          "Sightline-Delivery": o.deliveryId,
        },
      });
      req.on("error", reject);
      req.on("response", (res) => {
        const code = res.statusCode ?? 0;
        let seen = 0;
        res.on("data", (chunk: Buffer) => {
          seen += chunk.byteLength;
          if (seen > MAX_RESPONSE_BYTES) {
            res.destroy();
            resolve(code);
          }
        });
        res.on("end", () => resolve(code));
        // the answer broke off after the status: the status stands
        res.on("error", () => resolve(code));
        res.on("close", () => resolve(code));
      });
      req.end(body);
    });
    const ok = status >= 200 && status < 300;
    return { ok, statusCode: status, error: ok ? null : `HTTP ${status}` };
  } catch (e) {
    const name = (e as { name?: string })?.name;
    const error =
      timeout.aborted || name === "TimeoutError"
        ? "timed out"
        : `network error: ${(e as { code?: string })?.code ?? (e instanceof Error ? e.message : String(e))}`;
    return { ok: false, statusCode: null, error };
  }
}
