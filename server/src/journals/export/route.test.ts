// GET /v1/journals/{id}/export over HTTP (issue 15): file names from the
// title (RFC 5987), the summary with exact counts, dates in the workspace's
// time zone, screenshots embedded in HTML and shipped in the zip; an archived
// journal still exports. PostgreSQL through journals/routes.postgres.test.ts.
import { createHash } from "node:crypto";
import { inflateRawSync } from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { storeObservation, webObservation } from "../../../test/support/mutations.ts";
import { createTestApp, type TestApp } from "../../../test/support/test-app.ts";

let t: TestApp;
afterEach(() => t?.close());

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 9, 8, 7, 6, 5]);
const SHA = createHash("sha256").update(PNG).digest("hex");

describe("journal export route", () => {
  it("names the file from the title, opens with the summary, embeds screenshots, zips", async () => {
    t = await createTestApp();
    await t.deps.blobs.put(t.workspaceId, SHA, { contentType: "image/png", bytes: PNG });
    const kiosk = await t.pair("staff");
    const ext = await t.pair("marketer");
    const web = webObservation(1, ext, {
      what: "Giảm giá 20%",
      capturedAt: "2026-03-10T20:30:00Z",
      evidence: { quote: "Giảm sốc", screenshot: SHA },
    });
    await t.push(ext, [web]);
    await t.push(kiosk, [
      storeObservation(1, kiosk, { what: "Hỏi giá", capturedAt: "2026-03-10T03:00:00Z" }),
      storeObservation(2, kiosk, { what: "Rời đi", capturedAt: "2026-03-10T04:00:00Z" }),
    ]);
    const created = await t.request("/v1/journals", {
      method: "POST",
      token: t.admin.token,
      json: { title: "Giá & đối thủ — tháng 3", question: "Vì sao?", goal: "Bán thêm" },
    });
    const { id } = (await created.json()) as { id: string };
    await t.request(`/v1/journals/${id}/insights`, {
      method: "POST",
      token: t.admin.token,
      json: { statement: "Khách so giá", evidence: [{ observationId: web.id }] },
    });
    // Archived journals still export.
    await t.request(`/v1/journals/${id}`, {
      method: "PATCH",
      token: t.admin.token,
      json: { archived: true },
    });
    const get = (format: string, lang = "en") =>
      t.request(`/v1/journals/${id}/export?format=${format}&lang=${lang}`, {
        token: t.admin.token,
      });

    const md = await get("md");
    expect(md.status).toBe(200);
    expect(md.headers.get("content-disposition")).toBe(
      `attachment; filename="gia-doi-thu-thang-3.md"; filename*=UTF-8''Gi%C3%A1%20%26%20%C4%91%E1%BB%91i%20th%E1%BB%A7%20%E2%80%94%20th%C3%A1ng%203.md`,
    );
    const text = await md.text();
    expect(text).toContain("- **Observations:** 3 observations in scope");
    expect(text).toContain("- **By channel:** Store 2 · Web 1");
    expect(text).toContain("- **Insights by status:** 1 insight (Draft 1)");
    // 20:30Z on the 10th is 03:30 on the 11th in the store's zone (UTC+7).
    expect(text).toContain("· Web · 11 Mar 2026 · Giảm giá 20%");

    const html = await get("html", "vi");
    expect(html.headers.get("content-disposition")).toMatch(
      /^inline; filename="gia-doi-thu-thang-3\.html"/,
    );
    const page = await html.text();
    expect(page).toContain(`data:image/png;base64,${Buffer.from(PNG).toString("base64")}`);
    expect(page).toContain("<h2>Tóm tắt</h2>");

    const zip = await get("zip");
    expect(zip.headers.get("content-type")).toBe("application/zip");
    expect(zip.headers.get("content-disposition")).toMatch(/filename="gia-doi-thu-thang-3\.zip"/);
    const bytes = Buffer.from(await zip.arrayBuffer());
    expect(bytes.subarray(0, 4)).toEqual(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
    // The screenshot's bytes are in the archive, the Markdown links them by path.
    expect(bytes.includes(Buffer.from(`images/${SHA}.png`))).toBe(true);
    const nameLength = bytes.readUInt16LE(26);
    const method = bytes.readUInt16LE(8);
    const size = bytes.readUInt32LE(18);
    const first = bytes.subarray(30 + nameLength, 30 + nameLength + size);
    const firstMd = (method === 8 ? inflateRawSync(first) : first).toString("utf8");
    expect(firstMd).toContain(`![Screenshot](images/${SHA}.png)`);

    const csv = await (await get("csv")).text();
    expect(csv.split("\r\n")[0]).toContain("override_reason");
  });
});
