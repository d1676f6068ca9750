// The vocabulary: needs, behaviours, methods and channels in vi and en, to
// anyone.
import { afterEach, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/support/test-app.ts";

let t: TestApp;
afterEach(() => t?.close());

describe("vocabulary", () => {
  it("lists the 16 needs, behaviours, methods and channels in vi and en, to anyone", async () => {
    t = await createTestApp();
    const v = await (await t.request("/v1/vocabulary")).json();
    expect(v.needs).toHaveLength(16);
    expect(v.needs[0]).toEqual({
      code: "function",
      group: "product",
      vi: "Chức năng",
      en: "Function",
      description: expect.any(Object),
    });
    expect(v.behaviours.map((b: { code: string }) => b.code)).toContain("left-without-buying");
    expect(v.channels.map((c: { code: string }) => c.code)).toEqual([
      "web",
      "event",
      "store",
      "feedback",
      "import",
    ]);
    expect(v.methods.length).toBe(8);
  });
});
