import { describe, expect, it } from "vitest";
import { formDraft, parseTags, patchFromDraft, withCompetitor } from "./observation-draft.ts";

const fields = {
  what: "pin 50 giờ",
  who: "ĐMX",
  competitorId: "c1",
  needs: ["price"],
  tags: ["promo"],
  basis: "observed",
};

describe("5W1H form → obs.patch", () => {
  it("sends only what changed; emptied fields are cleared with null; what never", () => {
    const before = formDraft(fields);
    expect(patchFromDraft(before, before)).toEqual({});
    const after = {
      ...before,
      why: "Muốn giá rẻ ",
      who: "",
      needs: ["price", "convenience"],
      tags: "promo, tết ,promo",
      basis: "inferred" as const,
    };
    expect(patchFromDraft(before, after)).toEqual({
      why: "Muốn giá rẻ",
      who: null,
      needs: ["price", "convenience"],
      tags: ["promo", "tết"],
      basis: "inferred",
    });
    expect(patchFromDraft(before, { ...before, what: "" })).toEqual({ what: "" });
  });
  it("parseTags trims, dedupes and caps", () => {
    expect(parseTags(` a, b,,a , ${"x".repeat(70)}`)).toEqual(["a", "b", "x".repeat(60)]);
    expect(parseTags(Array.from({ length: 30 }, (_, i) => `t${i}`).join(","))).toHaveLength(20);
  });
  it("choosing another competitor updates who when who was the competitor's name", () => {
    const config = {
      competitors: [
        { id: "c1", name: "ĐMX", domains: [] },
        { id: "c2", name: "TGDĐ", domains: [] },
      ],
      tags: [],
    };
    expect(withCompetitor(formDraft(fields), "c2", config)).toMatchObject({
      competitorId: "c2",
      who: "TGDĐ",
    });
    expect(withCompetitor({ ...formDraft(fields), who: "Sinh viên" }, "c2", config).who).toBe(
      "Sinh viên",
    );
  });
});
