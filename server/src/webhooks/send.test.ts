// One delivery attempt against a real local receiver: the default refuses
// 127.0.0.1 and a name resolving to it (no request made, the refusal in
// words for the log); with private targets allowed the connection goes to
// the address that was checked, the Host header still the URL's name; and a
// rebinding DNS (public answer to the check, 127.0.0.1 after) is asked once,
// so the receiver on 127.0.0.1 never sees the request.
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
});
