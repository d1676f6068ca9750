// The import screen's reading of a file: header, rows with their lines, the
// sample sent to the server's preview and the mapping kept from its answer,
// and slices whose row lines lead back to the whole file's lines.
import { describe, expect, it } from "vitest";
import { mappingFromPreview, previewSample, readImportFile, slices } from "./import-file.ts";

const CSV = [
  "Mã;Nội dung;Cửa hàng;Ngày;Nhu cầu",
  '1;"Khách hỏi giá; rồi đi";Sightline Q1;2026-03-01 10:00;price',
  '2;"Hai dòng\nmột ô";Sightline Hà Nội;2026-03-02 11:00;',
  "3;Chờ lâu;Sightline Q1;2026-03-03 12:00;efficiency",
].join("\r\n");

describe("import file", () => {
  it("reads a semicolon CSV with a quoted line break", () => {
    const f = readImportFile("khao-sat.csv", `\uFEFF${CSV}`);
    if ("error" in f) throw new Error(f.error);
    expect(f.header).toEqual(["Mã", "Nội dung", "Cửa hàng", "Ngày", "Nhu cầu"]);
    expect(f.rows.map((r) => r.line)).toEqual([2, 3, 5]);
    expect(f.rows[1]?.values["Nội dung"]).toBe("Hai dòng\nmột ô");
  });

  it("keeps the server preview's mapping for the import's fields and the file's columns only", () => {
    const f = readImportFile("khao-sat.csv", CSV);
    if ("error" in f) throw new Error(f.error);
    expect(previewSample(f)).toBe(`${CSV.replaceAll("\r\n", "\n")}\n`);
    expect(
      mappingFromPreview(
        {
          mapping: { what: "Nội dung", storeId: "Cửa hàng", zone: "Khu", colour: "Mã" },
          rowIdColumn: "Mã",
        },
        f.header,
      ),
    ).toEqual({ what: "Nội dung", storeId: "Cửa hàng", rowId: "Mã" });
    expect(mappingFromPreview({ mapping: {}, rowIdColumn: null }, f.header)).toEqual({});
  });

  it("slices keep the header and map their lines back to the file's", () => {
    const f = readImportFile("x.csv", CSV);
    if ("error" in f) throw new Error(f.error);
    const [a, b] = slices(f, 2);
    expect(a?.content.startsWith("Mã;Nội dung")).toBe(true);
    expect(a?.rows).toBe(2);
    expect(a?.lineOf(3)).toBe(3);
    expect(b?.content).toBe(
      "Mã;Nội dung;Cửa hàng;Ngày;Nhu cầu\n3;Chờ lâu;Sightline Q1;2026-03-03 12:00;efficiency\n",
    );
    expect(b?.lineOf(2)).toBe(5);
  });

  it("reads JSON lines and their keys", () => {
    const f = readImportFile(
      "crm.jsonl",
      '{"id":"a","text":"Gọi hỏi bảo hành","store":"Q1"}\n\n{"id":"b","text":"Khen nhân viên"}\n',
    );
    if ("error" in f) throw new Error(f.error);
    expect(f.format).toBe("jsonl");
    expect(f.header).toEqual(["id", "text", "store"]);
    expect(f.rows.map((r) => r.line)).toEqual([1, 3]);
    expect(slices(f, 1)[1]?.lineOf(1)).toBe(3);
  });
});
