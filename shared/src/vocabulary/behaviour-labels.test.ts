import { describe, expect, it } from "vitest";
import { behaviourLabels } from "./behaviours.ts";

describe("behaviourLabels", () => {
  it("takes the store's own label first, then the default one", () => {
    const own = [{ code: "left-without-buying", label_vi: "Bỏ về", label_en: "Walked out" }];
    expect(behaviourLabels("left-without-buying", own)).toEqual({ vi: "Bỏ về", en: "Walked out" });
    expect(behaviourLabels("left-without-buying")).toEqual({
      vi: "Rời đi không mua",
      en: "Left without buying",
    });
  });

  it("knows no label for an unknown code, even one named like an object property", () => {
    expect(behaviourLabels("hovered")).toBeNull();
    expect(behaviourLabels("constructor")).toBeNull();
    expect(behaviourLabels("tostring")).toBeNull();
  });
});
