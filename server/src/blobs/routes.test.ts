// Blobs: content-addressed upload with hash and type checks, workspace-only
// download with immutable caching.
import { createHash } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/support/test-app.ts";

let t: TestApp;
afterEach(() => t?.close());

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);
const sha = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");
const put = (t: TestApp, token: string, bytes: Uint8Array, type = "image/png", hash = sha(bytes)) =>
  t.request(`/v1/blobs/${hash}`, {
    method: "PUT",
    token,
    body: new Uint8Array(bytes),
    headers: { "content-type": type },
  });

describe("blobs", () => {
  it("stores once (201, then 200) and serves it back with its type and immutable caching", async () => {
    t = await createTestApp();
    const d = await t.pair("marketer");
    expect((await put(t, d.token, PNG)).status).toBe(201);
    expect((await put(t, d.token, PNG)).status).toBe(200);
    const res = await t.request(`/v1/blobs/${sha(PNG)}`, { token: t.admin.token });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/png");
    expect(res.headers.get("cache-control")).toContain("immutable");
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(PNG);
  });

  it("refuses a hash mismatch (400), a wrong type (415), fake image bytes (400) and > 5 MiB (413)", async () => {
    t = await createTestApp();
    const d = await t.pair("marketer");
    expect((await put(t, d.token, PNG, "image/png", "0".repeat(64))).status).toBe(400);
    expect((await put(t, d.token, PNG, "text/html")).status).toBe(415);
    const html = new TextEncoder().encode("<script>alert(1)</script>");
    expect((await put(t, d.token, html, "image/png")).status).toBe(400);
    const big = new Uint8Array(5 * 1024 * 1024 + 1);
    big.set(PNG);
    expect((await put(t, d.token, big)).status).toBe(413);
  });

  it("keeps blobs inside their workspace and away from staff devices", async () => {
    t = await createTestApp();
    await put(t, t.admin.token, PNG);
    const other = await t.otherWorkspace();
    expect((await t.request(`/v1/blobs/${sha(PNG)}`, { token: other.adminToken })).status).toBe(
      404,
    );
    const kiosk = await t.pair("staff");
    expect((await t.request(`/v1/blobs/${sha(PNG)}`, { token: kiosk.token })).status).toBe(403);
  });
});
