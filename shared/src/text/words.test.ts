import { describe, expect, it } from "vitest";
import { expandAbbreviation } from "./abbreviations.ts";
import { decodeFeatures, encodeFeatures, observationFeatures, textFeatures } from "./features.ts";
import { isStopWord, STOP_EN, STOP_VI } from "./stop-words.ts";
import { findWords } from "./words.ts";

const kept = (text: string) =>
  findWords(text)
    .phrases.flat()
    .filter((u) => !u.stop)
    .map((u) => u.text);

describe("findWords", () => {
  it("keeps a review apart from a price: 'đánh giá' is one word, not 'giá'", () => {
    expect(kept("Khách đọc đánh giá trên mạng")).toContain("đánh giá");
    expect(kept("Khách đọc đánh giá trên mạng")).not.toContain("giá");
    expect(kept("chê giá đắt")).toContain("giá");
  });
  it("keeps 'sản phẩm', 'nhân viên' and 'vân tay' whole", () => {
    expect(kept("sản phẩm mới, nhân viên tư vấn nhiệt tình")).toEqual(
      expect.arrayContaining(["sản phẩm", "nhân viên", "tư vấn", "nhiệt tình"]),
    );
    expect(kept("mở khoá vân tay chậm")).toContain("vân tay");
    expect(kept("sản phẩm")).not.toContain("sản");
  });
  it("finds the same words in text typed without accents, written with them", () => {
    expect(kept("san pham danh gia tot")).toEqual(expect.arrayContaining(["sản phẩm", "đánh giá"]));
    expect(findWords("san pham danh gia tot").script).toBe("vi-plain");
  });
  it("does not take English for Vietnamese because of one loan word", () => {
    expect(findWords("Cutest café in town, plants everywhere").script).toBe("en");
    expect(kept("The batteries drain fast")).toEqual(["batteries", "drain", "fast"]);
  });
  it("reads an English note naming a Vietnamese place as English: its function words go, the place stays whole", () => {
    const note = "A couple looked at the iPhone 15 at Khu điện thoại for about 5 minutes";
    expect(findWords(note).script).toBe("en");
    expect(kept(note)).toEqual(["couple", "looked", "iphone", "khu", "điện thoại", "minutes"]);
    // Vietnamese with an English name or two is still Vietnamese.
    const vi = "Khách hỏi giá iPhone 15 ở quầy, chê đắt hơn The Gioi Di Dong";
    expect(findWords(vi).script).toBe("vi");
    expect(kept(vi)).toEqual(expect.arrayContaining(["hỏi", "giá", "đắt hơn", "quầy"]));
  });
  it("reads decomposed text (combining marks) as the composed words", () => {
    expect(kept("đa\u0301nh gia\u0301 sa\u0309n phâ\u0309m")).toEqual(["đánh giá", "sản phẩm"]);
  });
  it("never joins words across punctuation", () => {
    const f = textFeatures("giá cao. màn hình đẹp");
    expect(f.terms).not.toContain("giá_cao màn_hình");
  });
});

describe("abbreviations", () => {
  it("expands chat shorthand to the words", () => {
    expect(expandAbbreviation("ko")).toEqual(["không"]);
    expect(expandAbbreviation("hok")).toEqual(["không"]);
    expect(expandAbbreviation("đc")).toEqual(["được"]);
    expect(expandAbbreviation("dc")).toEqual(["được"]);
    expect(expandAbbreviation("sp")).toEqual(["sản", "phẩm"]);
    expect(expandAbbreviation("nv")).toEqual(["nhân", "viên"]);
    expect(expandAbbreviation("giá")).toBeUndefined();
  });
  it("groups shorthand with the spelled-out text", () => {
    expect(kept("sp ko dc, nv k nhiệt tình")).toEqual(["sản phẩm", "nhân viên", "nhiệt tình"]);
    expect(kept("sp ko dc, nv k nhiệt tình")).toEqual(
      kept("Sản phẩm không được, nhân viên không nhiệt tình"),
    );
  });
  it("leaves numbers with a unit alone: '50k' is not 'không'", () => {
    expect(kept("áo 50k")).toEqual(["áo"]);
  });
});

describe("stop words", () => {
  it("drops particles and function words, in both languages", () => {
    expect(kept("thì mà nhé ạ, không được rồi")).toEqual([]);
    expect(kept("and the of it is")).toEqual([]);
    for (const w of ["mà", "thì", "nhé", "ạ", "không", "được"]) expect(STOP_VI.has(w)).toBe(true);
    expect(STOP_EN.has("the")).toBe(true);
  });
  it("keeps words a customer means something by", () => {
    for (const w of ["cao", "ngọt", "sạch", "giá", "chờ", "lâu"])
      expect(isStopWord(w, true, true)).toBe(false);
    for (const w of ["high", "long", "free", "problem"])
      expect(isStopWord(w, false, false)).toBe(false);
  });
  it("without accents, drops only folded forms no content word shares", () => {
    expect(isStopWord("khong", false, true)).toBe(true);
    for (const w of ["gia", "cho", "de", "vay", "tui", "da", "do"])
      expect(isStopWord(w, false, true)).toBe(false);
  });
});

describe("features", () => {
  it("counts words and adjacent pairs, and reads back what it stored", () => {
    const f = textFeatures("pin nhanh hết, pin nhanh hết");
    expect(f.terms).toEqual(["pin", "nhanh_hết", "pin nhanh_hết"]);
    expect(f.counts).toEqual([2, 2, 2]);
    expect(decodeFeatures(encodeFeatures(f))).toEqual(f);
    expect(decodeFeatures("f0|vi|x")).toBeNull();
    expect(decodeFeatures(null)).toBeNull();
  });
  it("marks a capture that speaks of a price cut or a claim, when it is written", () => {
    const cut = observationFeatures({ channel: "web", what: "PhoneHub giảm giá Galaxy A55" });
    expect(cut).toMatch(/^f2\|vi\|!1\|/);
    expect(decodeFeatures(cut)).toMatchObject({
      change: 1,
      terms: expect.not.arrayContaining(["!1"]),
    });
    const both = observationFeatures({
      channel: "event",
      what: "Booth says: best price guaranteed, cheaper than anyone",
    });
    expect(decodeFeatures(both)?.change).toBe(3);
    // Only captures: a store note with the same words carries no mark.
    expect(
      observationFeatures({ channel: "store", what: "PhoneHub giảm giá Galaxy A55" }),
    ).not.toContain("|!");
    expect(observationFeatures({ channel: "web", what: "Trang chủ mới" })).not.toContain("|!");
  });
});
