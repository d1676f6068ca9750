import { words } from "@sightline/shared/text/tokenise";
import { describe, expect, it } from "vitest";
import { headline } from "./headline.ts";

const members = (...texts: string[]) =>
  texts.map((text, i) => ({ text, closeness: 0.9 - i * 0.01 }));
const weights = (entries: Record<string, number>) => new Map(Object.entries(entries));

describe("headline: a statement from the members' own words", () => {
  // Term keys as featurise stores them: words "_"-joined, pairs spaced.
  const battery = weights({
    pin: 1,
    nhanh_hết: 0.8,
    "pin nhanh_hết": 0.5,
    nóng: 0.8,
    chơi_game: 0.6,
    "máy nóng": 0.5,
  });

  it("takes a whole clause holding the topic's words, and adds one that says more", () => {
    const out = headline(
      members(
        "Pin nhanh hết quá, máy nóng khi chơi game",
        "pin nhanh hết lắm",
        "máy nóng khi chơi game lâu",
      ),
      battery,
    );
    expect(out).toEqual(["pin nhanh hết", "máy nóng khi chơi game"]);
  });

  it("never cuts a word: every word shown is a whole word some member wrote", () => {
    const texts = ["Khách so sánh sản phẩm hai hãng rồi đi", "so sánh sản phẩm trên điện thoại"];
    const out = headline(
      members(...texts),
      weights({ so_sánh: 1, sản_phẩm: 0.9, "so_sánh sản_phẩm": 0.8 }),
    );
    expect(out?.[0]).toBe("so sánh sản phẩm");
    const vocabulary = new Set(texts.flatMap((t) => words(t).map((w) => w.folded)));
    for (const w of words((out ?? []).join(" "))) expect(vocabulary).toContain(w.folded);
  });

  it("begins and ends on a content word, never a particle", () => {
    const out = headline(members("thì pin nhanh hết mà", "và pin nhanh hết"), battery);
    expect(out).toEqual(["pin nhanh hết"]);
  });

  it("says no syllable twice, nor one the title already said", () => {
    const shop = weights({ cửa_hàng: 1, hàng: 0.9, mẫu: 0.8, áo: 0.7 });
    const out = headline(members("cửa hàng chưa có hàng mẫu áo"), shop);
    for (const clause of out ?? []) {
      const syllables = clause.split(" ");
      expect(new Set(syllables).size).toBe(syllables.length);
    }
    const avoided = headline(members("pin nhanh hết", "máy nóng khi chơi game"), battery, {
      avoid: new Set(["pin"]),
    });
    expect(avoided?.join(" ")).not.toMatch(/\bpin\b/);
  });

  it("prefers accented text to text typed without accents", () => {
    // A journal holds both spellings, so both are among the topic's terms.
    const both = weights({ nóng: 1, nong: 1, chơi_game: 0.8, "máy nóng": 0.5, "may nong": 0.5 });
    const out = headline(members("may nong khi choi game", "Máy nóng khi chơi game"), both);
    expect(out).toEqual(["máy nóng khi chơi game"]);
  });

  it("keeps numbers out of a clause rather than showing a gap", () => {
    const out = headline(members("mua 2 tuần pin nhanh hết"), battery);
    expect(out?.[0]).toBe("pin nhanh hết");
    expect(out?.join(" ")).not.toMatch(/ {2}/);
  });

  it("gives nothing when no member says two of the topic's words together", () => {
    expect(headline(members("pin", "game"), battery)).toBeNull();
    expect(headline([], battery)).toBeNull();
  });
});
