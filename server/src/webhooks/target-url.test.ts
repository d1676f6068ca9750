// Which URLs a webhook may point at: http(s), no credentials, never a
// link-local or metadata address (by literal IP, by name, or by a name that
// resolves to one at send time); loopback and private networks stay allowed.
import { describe, expect, it } from "vitest";
import { checkWebhookUrl, isForbiddenAddress, resolvesForbidden } from "./target-url.ts";

describe("webhook target URLs", () => {
  it("takes http(s) receivers, loopback and private networks included", () => {
    for (const url of [
      "https://hooks.slack.com/services/T/B/x",
      "http://127.0.0.1:8080/hook",
      "http://10.0.0.5/hook",
      "http://[::1]:9000/x",
    ])
      expect(checkWebhookUrl(url), url).toMatchObject({ ok: true });
  });

  it("refuses other schemes, credentials, link-local and metadata hosts", () => {
    for (const url of [
      "ftp://example.com/x",
      "javascript:alert(1)",
      "file:///etc/passwd",
      "http://user:pw@example.com/",
      "http://169.254.169.254/latest/meta-data/",
      "http://[fe80::1]/x",
      "http://0.0.0.0:8080/",
      "http://[::ffff:169.254.169.254]/",
      "http://metadata.google.internal/computeMetadata/v1/",
      "not a url",
    ])
      expect(checkWebhookUrl(url).ok, url).toBe(false);
    expect(isForbiddenAddress("169.254.0.1")).toBe(true);
    expect(isForbiddenAddress("192.168.1.1")).toBe(false);
  });

  it("checks what a name resolves to at send time", async () => {
    expect(await resolvesForbidden("http://localhost:1/")).toBe(false);
    expect(await resolvesForbidden("http://169.254.169.254/")).toBe(true);
  });
});
