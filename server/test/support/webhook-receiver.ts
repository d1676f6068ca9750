// A real local HTTP receiver for webhook tests: records each request's
// headers and raw body, answers 200 (or what `respond` says), can be closed
// and started again on the same port (a receiver down for a while).
import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export type Received = { headers: Record<string, string | string[] | undefined>; body: string };

/**
 * Whether a received request carries `Sightline-Signature: sha256=<hex HMAC
 * of the raw body>` for `secret`, computed here as a receiver would (not
 * with the server's own signature.ts, so a bug there cannot hide itself).
 */
export function signedWith(secret: string, r: Received | undefined): boolean {
  if (!r) return false;
  const want = Buffer.from(`sha256=${createHmac("sha256", secret).update(r.body).digest("hex")}`);
  const got = Buffer.from(String(r.headers["sightline-signature"] ?? ""));
  return want.length === got.length && timingSafeEqual(want, got);
}

export async function startReceiver(o: { port?: number; respond?: (r: Received) => number } = {}) {
  const received: Received[] = [];
  let server: Server | null = null;
  let port = o.port ?? 0;
  const listen = () =>
    new Promise<void>((resolve, reject) => {
      const s = createServer((req, res) => {
        const chunks: Buffer[] = [];
        req.on("data", (c: Buffer) => chunks.push(c));
        req.on("end", () => {
          const r = { headers: req.headers, body: Buffer.concat(chunks).toString("utf8") };
          received.push(r);
          res.statusCode = o.respond?.(r) ?? 200;
          res.end("ok");
        });
      });
      s.once("error", reject);
      s.listen(port, "127.0.0.1", () => {
        port = (s.address() as AddressInfo).port;
        server = s;
        resolve();
      });
    });
  await listen();
  return {
    received,
    get url() {
      return `http://127.0.0.1:${port}/hook`;
    },
    get port() {
      return port;
    },
    /** Stop listening (connections refused until `start`). */
    async stop() {
      const s = server;
      server = null;
      if (!s) return;
      s.closeAllConnections();
      await new Promise<void>((r) => s.close(() => r()));
    },
    start: listen,
  };
}

export type Receiver = Awaited<ReturnType<typeof startReceiver>>;

export async function waitFor<T>(
  what: string,
  f: () => T | undefined | Promise<T | undefined>,
  ms = 10_000,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await f();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
