// Which URLs a webhook may point at: http(s), no credentials, and by default
// only addresses on the public internet — never loopback, private, CGNAT,
// link-local, metadata, multicast, unspecified or reserved ones, by literal
// IP, by a reserved name, or by what a name resolves to.
// SIGHTLINE_WEBHOOK_ALLOW_PRIVATE lets loopback, private and CGNAT through
// (on premises), never link-local/metadata/multicast/unspecified.
import { describe, expect, it } from "vitest";
import {
  checkWebhookTarget,
  checkWebhookUrl,
  classifyAddress,
  refusedClass,
  resolveTarget,
} from "./target-url.ts";

const ALLOW = { allowPrivate: true };

describe("webhook target URLs", () => {
  it("takes public http(s) receivers", () => {
    for (const url of [
      "https://hooks.slack.com/services/T/B/x",
      "http://93.184.216.34/hook",
      "https://[2606:4700::1111]/x",
    ])
      expect(checkWebhookUrl(url), url).toMatchObject({ ok: true });
  });

  it("refuses loopback, private, CGNAT, link-local, metadata, multicast, unspecified by default", () => {
    const cases: [string, string][] = [
      ["http://127.0.0.1:8080/hook", "loopback"],
      ["http://127.1.2.3/", "loopback"],
      ["http://[::1]:9000/x", "loopback"],
      ["http://localhost:8080/", "loopback"],
      ["http://api.localhost/", "loopback"],
      ["http://10.0.0.5/hook", "private"],
      ["http://172.16.0.1/", "private"],
      ["http://172.31.255.255/", "private"],
      ["http://192.168.1.1/", "private"],
      ["http://[fc00::1]/", "private"],
      ["http://[fd12:3456::1]/", "private"],
      ["http://100.64.0.1/", "cgnat"],
      ["http://100.127.255.254/", "cgnat"],
      ["http://169.254.169.254/latest/meta-data/", "metadata"],
      ["http://[fd00:ec2::254]/", "metadata"],
      ["http://metadata.google.internal/computeMetadata/v1/", "metadata"],
      ["http://169.254.0.1/", "link-local"],
      ["http://[fe80::1]/x", "link-local"],
      ["http://224.0.0.1/", "multicast"],
      ["http://[ff02::1]/", "multicast"],
      ["http://0.0.0.0:8080/", "unspecified"],
      ["http://[::]/", "unspecified"],
      ["http://255.255.255.255/", "reserved"],
      // IPv4 in IPv6 clothing is judged by the IPv4 address it reaches.
      ["http://[::ffff:127.0.0.1]/", "loopback"],
      ["http://[::ffff:169.254.169.254]/", "metadata"],
      ["http://[64:ff9b::10.0.0.1]/", "private"],
      // Shorthand IPv4 that the URL parser normalises: 0x7f.1 → 127.0.0.1, 2130706433 → 127.0.0.1.
      ["http://0x7f.1/", "loopback"],
      ["http://2130706433/", "loopback"],
    ];
    for (const [url, cls] of cases) {
      const r = checkWebhookUrl(url);
      expect(r, url).toMatchObject({ ok: false, refused: cls });
    }
  });

  it("SIGHTLINE_WEBHOOK_ALLOW_PRIVATE lets loopback, private and CGNAT through, nothing else", () => {
    for (const url of [
      "http://127.0.0.1:8080/hook",
      "http://localhost:8080/",
      "http://10.0.0.5/hook",
      "http://[fd12::1]/",
      "http://100.64.0.1/",
    ])
      expect(checkWebhookUrl(url, ALLOW), url).toMatchObject({ ok: true });
    for (const url of [
      "http://169.254.169.254/",
      "http://[fd00:ec2::254]/",
      "http://[fe80::1]/",
      "http://0.0.0.0/",
      "http://224.0.0.1/",
    ])
      expect(checkWebhookUrl(url, ALLOW).ok, url).toBe(false);
  });

  it("refuses other schemes and credentials", () => {
    for (const url of [
      "ftp://example.com/x",
      "javascript:alert(1)",
      "file:///etc/passwd",
      "http://user:pw@example.com/",
      "not a url",
    ])
      expect(checkWebhookUrl(url).ok, url).toBe(false);
    expect(classifyAddress("8.8.8.8")).toBeNull();
    expect(classifyAddress("2001:4860:4860::8888")).toBeNull();
    expect(refusedClass("192.168.1.1", { allowPrivate: false })).toBe("private");
    expect(refusedClass("192.168.1.1", ALLOW)).toBeNull();
  });

  it("judges every address a name resolves to, at creation and at send", async () => {
    // The real resolver: `localhost` resolves to 127.0.0.1.
    expect(await resolveTarget("http://localhost:1/")).toMatchObject({
      ok: false,
      refused: "loopback",
    });
    // A name whose DNS answers a private address (one of several is enough).
    const dns = async () => [
      { address: "93.184.216.34", family: 4 },
      { address: "10.1.2.3", family: 4 },
    ];
    expect(await resolveTarget("https://internal.example.com/", undefined, dns)).toMatchObject({
      ok: false,
      refused: "private",
      address: "10.1.2.3",
    });
    expect(await checkWebhookTarget("https://internal.example.com/", undefined, dns)).toMatchObject(
      { ok: false, refused: "private" },
    );
    const pub = async () => [{ address: "93.184.216.34", family: 4 }];
    expect(await resolveTarget("https://hooks.example.com/", undefined, pub)).toEqual({
      ok: true,
      address: "93.184.216.34",
      family: 4,
    });
    // An unknown name is no refusal at creation (the receiver may not be in DNS yet).
    const none = async () => {
      throw Object.assign(new Error("nx"), { code: "ENOTFOUND" });
    };
    expect(await checkWebhookTarget("https://later.example.com/", undefined, none)).toMatchObject({
      ok: true,
    });
  });
});
