import { describe, expect, it } from "vitest";
import { jsonLines } from "./json-lines.ts";

const all = (text: string) => [...jsonLines(text)];

describe("jsonLines", () => {
  it("reads one object per line, skipping blank lines", () => {
    expect(all('{"id":1,"what":"Giá"}\r\n\n{"id":2,"what":"Chờ"}\n')).toEqual([
      { line: 1, value: { id: 1, what: "Giá" } },
      { line: 3, value: { id: 2, what: "Chờ" } },
    ]);
  });

  it("reports bad lines and keeps the good ones", () => {
    const r = all('{"id":1}\n{oops\n[1,2]\n{"id":4}');
    expect(r.map((x) => [x.line, "value" in x])).toEqual([
      [1, true],
      [2, false],
      [3, false],
      [4, true],
    ]);
    expect(r[1]).toMatchObject({ message: expect.stringMatching(/^not JSON: /) });
    expect(r[2]).toEqual({ line: 3, message: "each line must be a JSON object" });
  });

  it("reads lazily: a caller that stops early never parses the rest", () => {
    const lines = jsonLines(`{"id":1}\n${"{}\n".repeat(1_000_000)}`);
    expect(lines.next().value).toEqual({ line: 1, value: { id: 1 } });
    expect(lines.next().value).toEqual({ line: 2, value: {} });
    lines.return(undefined);
  });
});
