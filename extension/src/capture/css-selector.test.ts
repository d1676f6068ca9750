// @vitest-environment happy-dom
import { describe, expect, it } from "vitest";
import { loadFixture } from "../../test/fixtures/load-fixture.ts";
import { cssSelectorFor, looksGenerated } from "./css-selector.ts";

const only = (selector: string | null) => {
  expect(selector).not.toBeNull();
  return Array.from(document.querySelectorAll(selector as string));
};

describe("looksGenerated", () => {
  it("flags framework ids and keeps hand-written ones", () => {
    for (const id of [":r1:", "ember1375", "3f2a9c1e-8b7d-4c1a", "radix-12", "id-4"]) {
      expect(looksGenerated(id), id).toBe(true);
    }
    for (const id of ["product-summary", "main", "price-list", "intl"]) {
      expect(looksGenerated(id), id).toBe(false);
    }
  });
});

describe("cssSelectorFor", () => {
  it("prefers a hand-written unique id", () => {
    loadFixture("vi-shop.html");
    expect(cssSelectorFor(document.getElementById("product-summary") as Element)).toBe(
      "#product-summary",
    );
  });

  it("skips generated ids and uses data-testid", () => {
    loadFixture("vi-shop.html");
    const price = document.querySelector(".price-current") as Element;
    expect(cssSelectorFor(price)).toBe('span[data-testid="product-price"]');
    const main = document.querySelector("main") as Element;
    expect(cssSelectorFor(main)).not.toContain("ember");
    expect(only(cssSelectorFor(main))).toEqual([main]);
  });

  it("uses itemprop for microdata", () => {
    loadFixture("en-shop.html");
    const price = document.querySelector('[itemprop="price"]') as Element;
    expect(cssSelectorFor(price)).toBe('span[itemprop="price"]');
  });

  it("falls back to a path anchored at the nearest named ancestor", () => {
    loadFixture("vi-shop.html");
    const buttons = document.querySelectorAll("#product-summary .actions button");
    const second = buttons[1] as Element;
    const sel = cssSelectorFor(second);
    expect(only(sel)).toEqual([second]);
    expect(sel).toMatch(/:nth-of-type\(2\)$/);
  });

  it("finds a unique selector for every element of every fixture", () => {
    for (const name of [
      "vi-shop.html",
      "en-shop.html",
      "plain-price.html",
      "news-article.html",
    ] as const) {
      loadFixture(name);
      for (const el of Array.from(document.querySelectorAll("body *"))) {
        expect(only(cssSelectorFor(el)), `${name}: ${el.outerHTML.slice(0, 60)}`).toEqual([el]);
      }
    }
  });

  it("escapes awkward ids and attribute values", () => {
    document.body.innerHTML = `<p id="a.b#c">x</p><i data-testid='say "hi"'>y</i>`;
    const p = document.querySelector("p") as Element;
    const i = document.querySelector("i") as Element;
    expect(only(cssSelectorFor(p))).toEqual([p]);
    expect(only(cssSelectorFor(i))).toEqual([i]);
  });
});
