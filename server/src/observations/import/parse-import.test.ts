import { describe, expect, it } from "vitest";
import { MAX_IMPORT_ROWS, parseImport } from "./parse-import.ts";

const VN = { source: "Tổng đài", timeZone: "Asia/Ho_Chi_Minh" };

describe("parseImport — CSV", () => {
  it("maps Vietnamese headers by name, keeps good rows and reports bad ones per row", async () => {
    const csv = [
      "Mã;Ngày giờ;Nội dung;Lý do;Nhu cầu;Nhãn",
      '101;15/03/2024 09:30;"Khách hỏi ""giá bao nhiêu""";Giá cao;Giá cả|price;gọi lại',
      "102;hôm qua;Chờ máy lâu;;efficiency;",
      "103;2024-03-16 10:00;Hỏi bảo hành;;warranty;",
      "104;2024-03-16 11:00;;;;",
    ].join("\r\n");
    const r = await parseImport(csv, "csv", VN);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    const [a, b, c, d] = r.rows;
    expect(a).toMatchObject({
      ok: true,
      line: 2,
      sourceRowId: "101",
      fields: {
        channel: "import",
        method: "import",
        source: "Tổng đài",
        sourceRowId: "101",
        capturedAt: "2024-03-15T09:30:00+07:00",
        what: 'Khách hỏi "giá bao nhiêu"',
        why: "Giá cao",
        needs: ["price"],
        tags: ["gọi lại"],
      },
    });
    expect(b).toMatchObject({ ok: false, line: 3, errors: [{ path: "capturedAt" }] });
    expect(c).toMatchObject({
      ok: false,
      errors: [{ path: "needs", message: 'unknown need "warranty"' }],
    });
    expect(d).toMatchObject({ ok: false, errors: [{ path: "what" }] });
  });

  it("follows an explicit mapping and row id column", async () => {
    const csv = "ticket,when,body\nT-1,2024-03-01T08:00:00Z,Giao hàng trễ\n";
    const r = await parseImport(csv, "csv", {
      source: "CRM",
      rowIdColumn: "ticket",
      mapping: { capturedAt: "when", what: "body" },
    });
    expect(r.ok && r.rows[0]).toMatchObject({
      ok: true,
      sourceRowId: "T-1",
      fields: { what: "Giao hàng trễ" },
    });
  });

  it("fails the file when a mapped column does not exist", async () => {
    const r = await parseImport("a,b\n1,2\n", "csv", { source: "x", mapping: { what: "text" } });
    expect(r).toEqual({
      ok: false,
      errors: [{ path: "mapping.what", message: 'no column "text"' }],
    });
  });

  it("fails the file without any column for what", async () => {
    const r = await parseImport("date\n2024-01-01\n", "csv", { source: "x" });
    expect(r.ok).toBe(false);
  });

  it("hashes the row when there is no id column: same row, same id", async () => {
    const csv = "date,what\n2024-01-01,a\n2024-01-02,b\n";
    const one = await parseImport(csv, "csv", { source: "x" });
    const two = await parseImport(csv, "csv", { source: "x" });
    const ids = (r: typeof one) => (r.ok ? r.rows.map((x) => x.sourceRowId) : []);
    expect(ids(one)).toEqual(ids(two));
    expect(new Set(ids(one)).size).toBe(2);
  });

  it("refuses a row id repeated in one file", async () => {
    const r = await parseImport("id,date,what\n1,2024-01-01,a\n1,2024-01-02,b\n", "csv", {
      source: "x",
    });
    expect(r.ok && r.rows.map((x) => x.ok)).toEqual([true, false]);
  });
});

describe("parseImport — JSON lines", () => {
  it("reads arrays for needs and tags, numbers as text, and reports bad lines", async () => {
    const jsonl = [
      '{"id": 7, "capturedAt": "2024-03-01T10:00:00+07:00", "what": "Review 2 sao", "needs": ["reliability"], "tags": ["shopee"]}',
      "not json",
      '{"id": 8, "capturedAt": 1710469800, "what": 42}',
    ].join("\n");
    const r = await parseImport(jsonl, "jsonl", { source: "Reviews" });
    if (!r.ok) throw new Error("file failed");
    expect(r.rows.map((x) => [x.line, x.ok])).toEqual([
      [1, true],
      [2, false],
      [3, true],
    ]);
    expect(r.rows[0]).toMatchObject({
      sourceRowId: "7",
      fields: { needs: ["reliability"], tags: ["shopee"] },
    });
    expect(r.rows[2]).toMatchObject({
      fields: { what: "42", capturedAt: "2024-03-15T02:30:00+00:00" },
    });
  });
});

describe("parseImport — row limit", () => {
  it("stops reading at the first row past MAX_IMPORT_ROWS: what follows is never parsed", async () => {
    // An unclosed quote after the limit would fail the file if it were read.
    const csv = `what\n${"a\n".repeat(MAX_IMPORT_ROWS + 1)}"never closed\n`;
    expect(await parseImport(csv, "csv", { source: "x" })).toEqual({
      ok: false,
      errors: [{ path: "file", message: `more than ${MAX_IMPORT_ROWS} rows; split the file` }],
    });
  });

  it("takes exactly MAX_IMPORT_ROWS rows", async () => {
    const jsonl = '{"what":"a"}\n'.repeat(MAX_IMPORT_ROWS);
    const r = await parseImport(jsonl, "jsonl", { source: "x" });
    expect(r.ok && r.rows.length).toBe(MAX_IMPORT_ROWS);
  });
});
