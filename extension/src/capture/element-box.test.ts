// @vitest-environment happy-dom
import { PageFactsSchema } from "@sightline/shared";
import { afterEach, describe, expect, it, vi } from "vitest";
import { loadFixture } from "../../test/fixtures/load-fixture.ts";
import { describeElement, elementText, toDevicePixels } from "./element-box.ts";

afterEach(() => vi.restoreAllMocks());

describe("elementText", () => {
  it("collapses whitespace and trims", () => {
    loadFixture("vi-shop.html");
    expect(elementText(document.querySelector(".promo") as Element)).toBe(
      "Trả góp 0% qua thẻ tín dụng Giao nhanh trong 2 giờ tại TP.HCM và Hà Nội Bảo hành chính hãng 12 tháng",
    );
  });

  it("caps at 4000 characters", () => {
    document.body.innerHTML = `<div>${"chữ ".repeat(3000)}</div>`;
    expect(elementText(document.querySelector("div") as Element)).toHaveLength(4000);
  });
});

describe("describeElement", () => {
  it("returns selector, text and CSS-px box plus devicePixelRatio, valid as PageFacts.element", () => {
    loadFixture("vi-shop.html");
    const el = document.querySelector(".price-box") as Element;
    vi.spyOn(el, "getBoundingClientRect").mockReturnValue(new DOMRect(10.5, 200.25, 300, 48));
    vi.spyOn(window, "devicePixelRatio", "get").mockReturnValue(2);
    const d = describeElement(el);
    expect(d?.devicePixelRatio).toBe(2);
    expect(d?.element.box).toEqual({ x: 10.5, y: 200.25, width: 300, height: 48 });
    expect(d?.element.text).toBe("1.290.000₫ 1.590.000₫ -19%");
    expect(document.querySelectorAll(d?.element.selector ?? "")).toHaveLength(1);
    expect(PageFactsSchema.parse({ element: d?.element }).element).toEqual(d?.element);
  });
});

describe("toDevicePixels", () => {
  it("scales and rounds outwards", () => {
    expect(toDevicePixels({ x: 10.5, y: 200.25, width: 300, height: 48 }, 2)).toEqual({
      x: 21,
      y: 400,
      width: 600,
      height: 97,
    });
    expect(toDevicePixels({ x: 0.3, y: 0.3, width: 1, height: 1 }, 1.5)).toEqual({
      x: 0,
      y: 0,
      width: 2,
      height: 2,
    });
  });

  it("clamps boxes scrolled above or left of the viewport", () => {
    expect(toDevicePixels({ x: -20, y: -10, width: 50, height: 30 }, 1)).toEqual({
      x: 0,
      y: 0,
      width: 30,
      height: 20,
    });
  });
});
