import { describe, expect, it } from "vitest";
import { obs, page, rate, tap } from "../../../test/support/suggestions-fixture.ts";
import { terms } from "../text/tokenise.ts";
import { featurise } from "./featurise.ts";
import { needsFromTerms } from "./need-hints.ts";
import { needsOf } from "./need-mask.ts";

const hinted = (text: string) => needsOf(needsFromTerms(terms(text))).sort();

describe("needsFromTerms", () => {
  it("hints price from Vietnamese words with or without accents, and English", () => {
    expect(hinted("Giá cao quá")).toEqual(["price"]);
    expect(hinted("gia cao qua")).toEqual(["price"]);
    expect(hinted("Too expensive for me")).toEqual(["price"]);
  });

  it("leaves ambiguous syllables alone outside a phrase", () => {
    expect(hinted("tiện lợi")).toEqual(["convenience"]);
    expect(hinted("đặt hàng")).toEqual([]);
  });

  it("hints waiting as efficiency", () => {
    expect(hinted("Xếp hàng chờ lâu")).toEqual(["efficiency"]);
  });
});

describe("featurise — effective needs", () => {
  it("combines tagged needs, reason needs, behaviour hints and price facts", () => {
    const { items } = featurise(
      [
        obs({ channel: "web", what: "Trang chủ", needs: ["design"] }),
        rate(1, 0, ["too-expensive", "rude-staff"]),
        tap("waited", "Đứng ở quầy", 0),
        page("Túi da", 0, 990_000),
      ],
      { reasonNeeds: new Map([["too-expensive", "price"]]) },
    );
    expect(items.map((f) => needsOf(f.needs).sort())).toEqual([
      ["design"],
      ["empathy", "price"],
      ["efficiency"],
      ["price"],
    ]);
    expect(needsOf(items[0]?.tagged ?? 0)).toEqual(["design"]);
    expect(items[1]?.tagged).toBe(0);
  });
});
