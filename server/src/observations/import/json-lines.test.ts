import { describe, expect, it } from "vitest";
import { parseJsonLines } from "./json-lines.ts";

describe("parseJsonLines", () => {
  it("reads one object per line, skipping blank lines", () => {
    const r = parseJsonLines('{"id":1,"what":"Giá"}\r\n\n{"id":2,"what":"Chờ"}\n');
    expect(r.rows).toEqual([
      { line: 1, value: { id: 1, what: "Giá" } },
      { line: 3, value: { id: 2, what: "Chờ" } },
    ]);
    expect(r.errors).toEqual([]);
  });

  it("reports bad lines and keeps the good ones", () => {
    const r = parseJsonLines('{"id":1}\n{oops\n[1,2]\n{"id":4}');
    expect(r.rows.map((x) => x.line)).toEqual([1, 4]);
    expect(r.errors.map((e) => e.line)).toEqual([2, 3]);
  });
});
