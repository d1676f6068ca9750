// Exports worth sending (issue 15): a summary first, dates local to the
// workspace and in the reader's language, the override reason in the CSV,
// screenshots embedded in HTML as data URIs and shipped beside the Markdown
// in a zip, and file names from the journal's title (RFC 5987).
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inflateRawSync } from "node:zlib";
import { parseCsv } from "@sightline/shared/import/csv";
import { describe, expect, it } from "vitest";
import { exportFixture, SHOT } from "../../../test/support/export-fixture.ts";
import { contentDisposition, fileStem } from "./file-name.ts";
import type { JournalExport } from "./journal-export.ts";
import { renderExport } from "./render.ts";
import { crc32, writeZip } from "./zip.ts";

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);

function full(locale: "vi" | "en"): JournalExport {
  const x = exportFixture(locale);
  return {
    ...x,
    timeZone: "Asia/Ho_Chi_Minh",
    summary: {
      observations: 1234,
      byChannel: { store: 800, web: 400, feedback: 34, event: 0, import: 0 },
      insightsByStatus: { validated: 1, draft: 1 },
    },
    images: new Map([[SHOT, { contentType: "image/png", bytes: PNG }]]),
    insights: x.insights.map((i, k) =>
      k === 1 ? { ...i, overrideReason: "POS data agrees; one channel is enough here" } : i,
    ),
  };
}

/** The entries of a zip, read back from its central directory. */
function unzip(zip: Uint8Array): Map<string, Uint8Array> {
  const b = Buffer.from(zip);
  const end = b.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = b.readUInt16LE(end + 10);
  let at = b.readUInt32LE(end + 16);
  const out = new Map<string, Uint8Array>();
  for (let k = 0; k < count; k++) {
    expect(b.readUInt32LE(at)).toBe(0x02014b50);
    const method = b.readUInt16LE(at + 10);
    const crc = b.readUInt32LE(at + 16);
    const size = b.readUInt32LE(at + 20);
    const nameLength = b.readUInt16LE(at + 28);
    const local = b.readUInt32LE(at + 42);
    const name = b.subarray(at + 46, at + 46 + nameLength).toString("utf8");
    const dataAt = local + 30 + b.readUInt16LE(local + 26) + b.readUInt16LE(local + 28);
    const raw = b.subarray(dataAt, dataAt + size);
    const bytes = new Uint8Array(method === 8 ? inflateRawSync(raw) : raw);
    expect(crc32(bytes), name).toBe(crc);
    out.set(name, bytes);
    at += 46 + nameLength;
  }
  return out;
}

describe("exports worth sending", () => {
  it("open with a summary: question, goal, counts by channel, insights by status", () => {
    const md = renderExport(full("en"), "md");
    const summary = md.indexOf("## Summary");
    expect(summary).toBeGreaterThan(0);
    expect(summary).toBeLessThan(md.indexOf("## Insights"));
    expect(md).toContain("- **Observations:** 1234 observations in scope");
    expect(md).toContain("- **By channel:** Store 800 · Web 400 · Feedback 34");
    expect(md).toContain("- **Insights by status:** 2 insights (Validated 1 · Draft 1)");
    const html = renderExport(full("vi"), "html");
    expect(html).toContain("<h2>Tóm tắt</h2>");
    expect(html).toContain(
      "<li><strong>Theo kênh:</strong> Cửa hàng 800 · Website 400 · Phản hồi 34</li>",
    );
  });

  it("write dates in the workspace's time zone and the reader's language", () => {
    // 2024-03-21T08:00Z is 15:00 in Ho Chi Minh City.
    expect(renderExport(full("en"), "md")).toContain("_Exported 21 Mar 2024, 15:00_");
    expect(renderExport(full("vi"), "md")).toContain("_Xuất lúc 15:00 21/03/2024_");
    const late = exportFixture("en");
    const evidence = late.insights[0]?.evidence[0]?.observation;
    if (evidence) evidence.capturedAt = "2024-03-11T20:30:00Z"; // 03:30 on the 12th in UTC+7
    expect(renderExport({ ...late, timeZone: "Asia/Ho_Chi_Minh" }, "md")).toContain(
      "· Web · 12 Mar 2024 ·",
    );
    expect(renderExport(full("en"), "md")).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
  });

  it("carry the override reason and the local capture time in the CSV", () => {
    const parsed = parseCsv(renderExport(full("en"), "csv"));
    if (!parsed.ok) throw new Error(parsed.message);
    const rows = parsed.records.map((r) =>
      Object.fromEntries(parsed.header.map((h, i) => [h, r.cells[i]])),
    );
    expect(parsed.header).toContain("override_reason");
    expect(rows.find((r) => r.kind === "insight" && r.insight_id === "ins2")?.override_reason).toBe(
      "POS data agrees; one channel is enough here",
    );
    expect(rows[1]).toMatchObject({
      captured_at: "2024-03-11T10:00:00+07:00",
      captured_local: "11 Mar 2024, 10:00",
    });
  });

  it("embed screenshots in HTML as data URIs", () => {
    const html = renderExport(full("en"), "html");
    expect(html).toContain(
      `<img src="data:image/png;base64,${Buffer.from(PNG).toString("base64")}"`,
    );
    expect(html).not.toContain("/v1/blobs/");
  });

  it("ship the Markdown with its screenshots in a zip that unzip reads", () => {
    const zip = renderExport(full("en"), "zip");
    const files = unzip(zip);
    expect([...files.keys()]).toEqual(["gia-doi-thu-quy-1.md", `images/${SHOT}.png`]);
    const md = new TextDecoder().decode(files.get("gia-doi-thu-quy-1.md"));
    expect(md).toContain(`![Screenshot](images/${SHOT}.png)`);
    expect(md).not.toContain("/v1/blobs/");
    expect(files.get(`images/${SHOT}.png`)).toEqual(PNG);
    // The system's unzip agrees, when there is one.
    const dir = mkdtempSync(join(tmpdir(), "zip-"));
    writeFileSync(join(dir, "x.zip"), zip);
    try {
      execFileSync("unzip", ["-q", "x.zip"], { cwd: dir });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "ENOENT") return;
      throw e;
    }
    expect(readFileSync(join(dir, `images/${SHOT}.png`))).toEqual(Buffer.from(PNG));
  });

  it("writes a zip of many entries with deflate and stored members and correct CRCs", () => {
    const text = new TextEncoder().encode("Giá rẻ ".repeat(1000));
    const files = unzip(
      writeZip([
        { name: "a.txt", bytes: text },
        { name: "thư mục/ảnh.bin", bytes: PNG },
        { name: "empty", bytes: new Uint8Array() },
      ]),
    );
    expect(files.get("a.txt")).toEqual(text);
    expect(files.get("thư mục/ảnh.bin")).toEqual(PNG);
    expect(files.get("empty")).toEqual(new Uint8Array());
    expect(crc32(new TextEncoder().encode("123456789"))).toBe(0xcbf43926);
  });

  it("name files from the journal's title, ASCII and RFC 5987", () => {
    expect(fileStem("Giá & đối thủ — quý 1")).toBe("gia-doi-thu-quy-1");
    expect(fileStem("???")).toBe("journal");
    expect(fileStem("x".repeat(100))).toHaveLength(60);
    expect(contentDisposition("attachment", "Giá & đối thủ — quý 1", "md")).toBe(
      `attachment; filename="gia-doi-thu-quy-1.md"; filename*=UTF-8''Gi%C3%A1%20%26%20%C4%91%E1%BB%91i%20th%E1%BB%A7%20%E2%80%94%20qu%C3%BD%201.md`,
    );
    // No header injection and no path in the name.
    const hostile = contentDisposition("inline", 'a"\r\nSet-Cookie: x/../b', "html");
    expect(hostile).not.toMatch(/[\r\n]/);
    expect(hostile).toContain('filename="a-set-cookie-x-b.html"');
    expect(hostile).not.toContain("/");
  });
});
