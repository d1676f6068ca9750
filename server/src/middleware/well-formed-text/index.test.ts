// The route-level text rule: where a bad string sits in a JSON body (values
// and keys, any depth), and which raw URL parts decode to NUL or non-UTF-8.
import { describe, expect, it } from "vitest";
import { badUrlPart, firstBadString } from "./index.ts";

describe("firstBadString", () => {
  it("finds NUL and lone surrogates in values and keys, naming the path", () => {
    expect(firstBadString({ a: ["ok", { b: "x\uD800" }] })).toMatchObject({ path: "a.1.b" });
    expect(firstBadString({ a: { "k\u0000": 1 } })).toMatchObject({ path: "a.k\uFFFD" });
    expect(firstBadString("\uDFFF")).toMatchObject({ path: "(body)" });
    expect(firstBadString({ ok: "😀 𠀀 Tiếng Việt", n: 1, z: null, t: true })).toBeNull();
    expect(firstBadString(undefined)).toBeNull();
  });

  it("walks deep nesting without recursion", () => {
    let v: unknown = "a\u0000";
    for (let i = 0; i < 100_000; i++) v = [v];
    expect(firstBadString(v)?.path.endsWith(".0")).toBe(true);
  });
});

describe("badUrlPart", () => {
  it("refuses %00 and percent-escapes that are not UTF-8 (a surrogate's bytes among them)", () => {
    for (const s of ["/v1/x/%00", "?q=a%00", "?q=%ED%A0%80", "?q=%C3", "?%FF=1"])
      expect(badUrlPart(s), s).toBe(true);
    for (const s of ["/v1/x/abc", "?q=Ti%E1%BA%BFng", "?q=%F0%A0%80%80", "?q=%zz", "?q=100%"])
      expect(badUrlPart(s), s).toBe(false);
  });
});
