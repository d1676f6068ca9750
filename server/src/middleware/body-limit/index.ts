// Body size caps before anything parses a body: 1 MiB for sync pushes
// (docs/sync-protocol.md "Push") and imported unsent data (a push in a file), 5 MiB for blobs, a
// small default elsewhere. Over the cap → 413 problem, so clients halve their
// batch instead of retrying forever.
//
// The 413 must reach the client. Answering while the client is still
// uploading and then closing the socket makes Node's fetch (undici) report
// "other side closed" instead of the answer, so the rest of an oversized
// body is read and thrown away first — up to DRAIN_MAX_BYTES and
// DRAIN_TIMEOUT_MS. Beyond those the answer says `Connection: close`.
import type { MiddlewareHandler } from "hono";
import { HttpProblem } from "../../http/problem.ts";

/** Paths that start with `prefix` (and end with `suffix`, when given). */
export type BodyLimitRule = { prefix: string; suffix?: string; maxBytes: number };

/** How much of an oversized body is read and discarded so the 413 can be read. */
export const DRAIN_MAX_BYTES = 32 * 1024 * 1024;
export const DRAIN_TIMEOUT_MS = 10_000;

/** Read and discard a request's whole body (bounded), so an early answer can be read. */
export async function discardBody(req: Request): Promise<boolean> {
  return req.body ? drain(req.body.getReader(), 0) : true;
}

/** Read and discard the rest of a body; true when it ended within the bounds. */
async function drain(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  alreadyRead: number,
): Promise<boolean> {
  let total = alreadyRead;
  const deadline = Date.now() + DRAIN_TIMEOUT_MS;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<"timeout">((resolve) => {
    timer = setTimeout(() => resolve("timeout"), DRAIN_TIMEOUT_MS);
  });
  try {
    while (total <= DRAIN_MAX_BYTES && Date.now() < deadline) {
      const next = await Promise.race([reader.read(), timeout]);
      if (next === "timeout") break;
      if (next.done) return true;
      total += next.value.byteLength;
    }
    return false;
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
    reader.cancel().catch(() => {});
  }
}

function tooLarge(maxBytes: number, drained: boolean): HttpProblem {
  return new HttpProblem(413, "Too large", `the request body is over ${maxBytes} bytes`, {
    ...(drained ? {} : { headers: { connection: "close" } }),
  });
}

export function bodyLimits(
  rules: readonly BodyLimitRule[],
  defaultMaxBytes: number,
): MiddlewareHandler {
  return async (c, next) => {
    const path = c.req.path;
    const rule = rules.find(
      (r) => path.startsWith(r.prefix) && (r.suffix === undefined || path.endsWith(r.suffix)),
    );
    const maxBytes = rule?.maxBytes ?? defaultMaxBytes;
    const raw = c.req.raw;
    if (!raw.body) return next();

    const declared = c.req.header("content-length");
    if (declared !== undefined) {
      // Node's HTTP parser holds the body to its declared length.
      if (Number(declared) <= maxBytes) return next();
      throw tooLarge(maxBytes, await drain(raw.body.getReader(), 0));
    }

    // No length (chunked): count while reading; the body is at most maxBytes here.
    const reader = raw.body.getReader();
    const chunks: Uint8Array[] = [];
    let total = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) throw tooLarge(maxBytes, await drain(reader, total));
      chunks.push(value);
    }
    const body = new Uint8Array(total);
    let at = 0;
    for (const chunk of chunks) {
      body.set(chunk, at);
      at += chunk.byteLength;
    }
    c.req.raw = new Request(raw, { body });
    return next();
  };
}
