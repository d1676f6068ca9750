// One delivery attempt against a real local receiver: the default refuses
// 127.0.0.1 and a name resolving to it (no request made, the refusal in
// words for the log); with private targets allowed the connection goes to
// the address that was checked, the Host header still the URL's name; and a
// rebinding DNS (public answer to the check, 127.0.0.1 after) is asked once,
// so the receiver on 127.0.0.1 never sees the request.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { createServer as createTlsServer } from "node:https";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { type Receiver, startReceiver } from "../../test/support/webhook-receiver.ts";
import { sendSigned } from "./send.ts";

let receiver: Receiver | null = null;
afterEach(async () => {
  await receiver?.stop();
  receiver = null;
});

const base = { secret: "s", body: "{}", eventType: "webhook.test", eventId: "e", deliveryId: "d" };

describe("sendSigned", () => {
  it("refuses 127.0.0.1 and localhost by default; nothing reaches the receiver", async () => {
    receiver = await startReceiver();
    const byIp = await sendSigned({ ...base, url: receiver.url });
    expect(byIp).toEqual({
      ok: false,
      statusCode: null,
      error: "refused: loopback address 127.0.0.1",
    });
    const byName = await sendSigned({ ...base, url: `http://localhost:${receiver.port}/hook` });
    expect(byName.ok).toBe(false);
    expect(byName.error).toMatch(/^refused: loopback address/);
    expect(receiver.received).toHaveLength(0);
  });

  it("with private targets allowed, connects to the checked address with the URL's Host", async () => {
    receiver = await startReceiver();
    let asked = 0;
    const dns = async () => {
      asked++;
      return [{ address: "127.0.0.1", family: 4 }];
    };
    const r = await sendSigned({
      ...base,
      url: `http://receiver.test:${receiver.port}/hook`,
      policy: { allowPrivate: true },
      resolve: dns,
    });
    expect(r).toEqual({ ok: true, statusCode: 200, error: null });
    expect(asked).toBe(1);
    expect(receiver.received[0]?.headers.host).toBe(`receiver.test:${receiver.port}`);
  });

  it("a rebinding DNS is asked once: the check's public answer is where it connects", async () => {
    receiver = await startReceiver();
    let asked = 0;
    // First answer public (TEST-NET-3, unroutable here), every later one 127.0.0.1.
    const rebinding = async () => {
      asked++;
      return [{ address: asked === 1 ? "203.0.113.7" : "127.0.0.1", family: 4 }];
    };
    const r = await sendSigned({
      ...base,
      url: `http://rebind.test:${receiver.port}/hook`,
      resolve: rebinding,
      timeoutMs: 1500,
    });
    expect(r.ok).toBe(false);
    expect(asked).toBe(1);
    expect(receiver.received).toHaveLength(0);
  });

  it("a resolver that never answers costs the attempt's timeout, not the worker", async () => {
    const started = Date.now();
    const r = await sendSigned({
      ...base,
      url: "http://slow-dns.test/hook",
      resolve: () => new Promise(() => {}),
      timeoutMs: 200,
    });
    expect(r).toEqual({ ok: false, statusCode: null, error: "timed out" });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("over https the pinned connection still says the URL's name in SNI", async () => {
    // A self-signed certificate for receiver.test (openssl, made for this run).
    const dir = mkdtempSync(join(tmpdir(), "sightline-tls-"));
    execFileSync(
      "openssl",
      [
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-days",
        "1",
        "-subj",
        "/CN=receiver.test",
        "-keyout",
        join(dir, "key.pem"),
        "-out",
        join(dir, "cert.pem"),
      ],
      { stdio: "ignore" },
    );
    const key = readFileSync(join(dir, "key.pem"));
    const cert = readFileSync(join(dir, "cert.pem"));
    const names: string[] = [];
    const server = createTlsServer(
      {
        key,
        cert,
        SNICallback: (name, cb) => {
          names.push(name);
          cb(null, undefined);
        },
      },
      (_req, res) => res.end("ok"),
    );
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
    try {
      const port = (server.address() as AddressInfo).port;
      const r = await sendSigned({
        ...base,
        url: `https://receiver.test:${port}/hook`,
        policy: { allowPrivate: true },
        resolve: async () => [{ address: "127.0.0.1", family: 4 }],
      });
      // Connected to 127.0.0.1, asked for receiver.test; the self-signed
      // certificate is not trusted, so the attempt fails on trust, not on the name.
      expect(names).toEqual(["receiver.test"]);
      expect(r.ok).toBe(false);
      expect(r.error).toMatch(/SELF_SIGNED|self.signed/i);
    } finally {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    }
  });
});
