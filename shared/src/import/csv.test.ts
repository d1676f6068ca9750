import { describe, expect, it } from "vitest";
import { csvObjects, detectDelimiter, parseCsv } from "./csv.ts";

const ok = (text: string, d?: string) => {
  const r = parseCsv(text, d);
  if (!r.ok) throw new Error(r.message);
  return r;
};

describe("parseCsv", () => {
  it("reads a header and records", () => {
    const r = ok("id,what\n1,Giá cao\n2,Chờ lâu\n");
    expect(r.header).toEqual(["id", "what"]);
    expect(r.records.map((x) => x.cells)).toEqual([
      ["1", "Giá cao"],
      ["2", "Chờ lâu"],
    ]);
  });

  it("handles quotes, escaped quotes and delimiters inside quotes", () => {
    const r = ok('id,what\n1,"Khách nói ""đắt quá"", rồi đi"\n');
    expect(r.records[0]?.cells).toEqual(["1", 'Khách nói "đắt quá", rồi đi']);
  });

  it("keeps line breaks inside quoted fields and numbers records by their first line", () => {
    const r = ok('id,what\r\n1,"dòng một\r\ndòng hai"\r\n2,x\r\n');
    expect(r.records[0]?.cells[1]).toBe("dòng một\r\ndòng hai");
    expect(r.records.map((x) => x.line)).toEqual([2, 4]);
  });

  it("strips a UTF-8 BOM", () => {
    expect(ok("\uFEFFid,what\n1,a").header).toEqual(["id", "what"]);
  });

  it("detects ; as delimiter (Excel in vi/eu locales)", () => {
    const r = ok('id;what;why\n1;"a; b";c\n');
    expect(r.delimiter).toBe(";");
    expect(r.records[0]?.cells).toEqual(["1", "a; b", "c"]);
  });

  it("keeps empty cells and skips blank lines", () => {
    const r = ok("a,b,c\n1,,3\n\n,,\n");
    expect(r.records.map((x) => x.cells)).toEqual([
      ["1", "", "3"],
      ["", "", ""],
    ]);
  });

  it("reads a last record without a final newline", () => {
    expect(ok("a\n1").records[0]?.cells).toEqual(["1"]);
  });

  it("reports an unterminated quote with its line", () => {
    expect(parseCsv('a,b\n1,"open\n2,x')).toEqual({
      ok: false,
      line: 2,
      message: "a quoted field is never closed",
    });
  });

  it("rejects an empty file", () => {
    expect(parseCsv("").ok).toBe(false);
  });
});

describe("detectDelimiter", () => {
  it("ignores delimiters inside quotes", () => {
    expect(detectDelimiter('"a,b,c";d\n')).toBe(";");
    expect(detectDelimiter("a\tb\tc\n")).toBe("\t");
    expect(detectDelimiter("single\n")).toBe(",");
  });
});

describe("csvObjects", () => {
  it("keys cells by header; missing cells are empty", () => {
    const r = ok("id,what\n1\n");
    expect(csvObjects(r.header, r.records)).toEqual([{ line: 2, value: { id: "1", what: "" } }]);
  });
});
