// @vitest-environment happy-dom
import { PageFactsSchema } from "@sightline/shared";
import { describe, expect, it } from "vitest";
import { loadFixture } from "../../test/fixtures/load-fixture.ts";
import { extractPageFacts } from "./page-facts.ts";

const at = (href: string) => ({ href });

describe("extractPageFacts", () => {
  it("reads the Vietnamese shop page", () => {
    loadFixture("vi-shop.html");
    const facts = extractPageFacts(
      document,
      at("https://dienmayxanhla.vn/tai-nghe/sony-wh-ch520?ref=home#specs"),
    );
    expect(facts.canonicalUrl).toBe("https://dienmayxanhla.vn/tai-nghe/sony-wh-ch520");
    expect(facts.title).toBe("Tai nghe Bluetooth Sony WH-CH520 chính hãng | ĐiệnMáyXanhLá");
    expect(facts.lang).toBe("vi");
    expect(facts.description).toMatch(/^Tai nghe Sony WH-CH520 chính hãng/);
    expect(facts.openGraph?.["og:title"]).toBe("Tai nghe Bluetooth Sony WH-CH520");
    expect(facts.openGraph?.["og:locale"]).toBe("vi_VN");
    expect(facts.headings?.h1).toEqual(["Tai nghe Bluetooth Sony WH-CH520"]);
    expect(facts.headings?.h2).toEqual([
      "Đặc điểm nổi bật",
      "Thông số kỹ thuật",
      "Đánh giá của khách hàng",
    ]);
    expect(facts.headings?.h3).toHaveLength(3);
    expect(facts.callsToAction).toEqual(["Mua ngay", "Thêm vào giỏ", "Trả góp 0%"]);
    expect(facts.prices?.[0]).toMatchObject({
      amount: 1290000,
      currency: "VND",
      source: "json-ld",
    });
  });

  it("reads the English shop: input buttons, role=button links, hidden buttons skipped", () => {
    loadFixture("en-shop.html");
    const facts = extractPageFacts(
      document,
      at("https://www.brightway.example/p/aurora-14?color=grey"),
    );
    expect(facts.canonicalUrl).toBe("https://www.brightway.example/p/aurora-14"); // og:url
    expect(facts.lang).toBe("en-US");
    expect(facts.callsToAction).toEqual(["Add to cart", "Buy now", "Compare"]);
    expect(facts.headings?.h2).toEqual(["Key features", "Protection plans", "Reviews"]);
    expect(facts.prices?.map((p) => p.source).slice(0, 2)).toEqual(["meta", "microdata"]);
  });

  it("falls back to the location without its hash", () => {
    loadFixture("plain-price.html");
    const facts = extractPageFacts(document, at("https://example.vn/bang-gia?x=1#top"));
    expect(facts.canonicalUrl).toBe("https://example.vn/bang-gia?x=1");
    expect(facts.description).toBeUndefined();
    expect(facts.openGraph).toEqual({});
  });

  it("ignores non-http canonical links", () => {
    document.head.innerHTML = `<link rel="canonical" href="javascript:alert(1)">`;
    expect(extractPageFacts(document, at("https://a.vn/p")).canonicalUrl).toBe("https://a.vn/p");
  });

  it("caps every list and string so the shared schema accepts the result", () => {
    const long = "Dài ".repeat(600);
    document.title = long;
    const ogTags = Array.from(
      { length: 30 },
      (_, i) => `<meta property="og:k${i}" content="${long}">`,
    );
    document.head.insertAdjacentHTML(
      "beforeend",
      `${ogTags.join("")}<meta name="description" content="${long.repeat(2)}">`,
    );
    document.body.innerHTML =
      Array.from({ length: 15 }, (_, i) => `<h2>${i} ${long}</h2>`).join("") +
      Array.from({ length: 30 }, (_, i) => `<button>Nút ${i}</button>`).join("");
    const facts = extractPageFacts(document, at("https://a.vn/"));
    expect(PageFactsSchema.parse(facts)).toEqual(facts);
    expect(Object.keys(facts.openGraph ?? {})).toHaveLength(20);
    expect(facts.headings?.h2).toHaveLength(10);
    expect(facts.headings?.h2?.[0]?.length).toBeLessThanOrEqual(200);
    expect(facts.callsToAction).toHaveLength(20);
  });

  it("is valid against the shared schema for every fixture", () => {
    for (const name of [
      "vi-shop.html",
      "en-shop.html",
      "plain-price.html",
      "news-article.html",
    ] as const) {
      loadFixture(name);
      const facts = extractPageFacts(document, at("https://example.com/page"));
      expect(PageFactsSchema.parse(facts)).toEqual(facts);
    }
  });
});
