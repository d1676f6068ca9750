// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from "vitest";
import { loadFixture } from "../../test/fixtures/load-fixture.ts";
import { anchor, anchorMatch } from "./anchor.ts";
import { describeRange } from "./describe-range.ts";
import type { Selector } from "./selector-types.ts";

/** A Range over the `nth` occurrence of `text` inside a single text node. */
function rangeOf(text: string, nth = 0): Range {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let seen = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    for (
      let at = (n as Text).data.indexOf(text);
      at >= 0;
      at = (n as Text).data.indexOf(text, at + 1)
    ) {
      if (seen++ < nth) continue;
      const r = document.createRange();
      r.setStart(n, at);
      r.setEnd(n, at + text.length);
      return r;
    }
  }
  throw new Error(`not on page: ${text}`);
}

const QUOTE = "they were comparing the price on the shelf with the price online";
const paragraphWith = (text: string) =>
  Array.from(document.querySelectorAll("p")).find((p) => p.textContent?.includes(text)) as Element;
const insertBefore = (ref: Element, html: string) => ref.insertAdjacentHTML("beforebegin", html);

let selectors: Selector[];
beforeEach(() => {
  loadFixture("news-article.html");
  selectors = describeRange(rangeOf(QUOTE));
});

describe("anchor", () => {
  it("finds an unchanged quote by its RangeSelector", () => {
    const m = anchorMatch(document.body, selectors);
    expect(m?.via).toBe("range");
    expect(m?.range.toString()).toBe(QUOTE);
  });

  it("survives content inserted outside the quoted structure", () => {
    document
      .querySelector("header")
      ?.insertAdjacentHTML("afterend", "<div><p>Breaking: new banner text.</p></div>");
    const m = anchorMatch(document.body, selectors);
    expect(m?.via).toBe("range");
    expect(m?.text).toBe(QUOTE);
  });

  it("survives paragraphs inserted before the quote, which break XPath and offsets", () => {
    const first = document.querySelector("article p") as Element;
    insertBefore(first, "<p>An editor's note was added.</p><p>And a correction, too.</p>");
    const m = anchorMatch(document.body, selectors);
    expect(m?.via).toBe("quote");
    expect(m?.range.toString()).toBe(QUOTE);
    expect(paragraphWith(QUOTE).contains(m?.range.startContainer as Node)).toBe(true);
  });

  it("finds a quote whose wording changed, and reports the new text", () => {
    const p = paragraphWith(QUOTE);
    p.innerHTML = (p.innerHTML as string).replace("on the shelf", "on the label");
    const m = anchorMatch(document.body, selectors);
    expect(m?.via).toBe("fuzzy");
    expect(m?.text).toContain("comparing the price on the label with the price online");
  });

  it("returns null when the quoted text is gone", () => {
    paragraphWith(QUOTE).remove();
    expect(anchor(document.body, selectors)).toBeNull();
  });

  it("tells repeated sentences apart by their context", () => {
    const repeated = "It is not about price alone; it is about";
    const second = describeRange(rangeOf(repeated, 1));
    insertBefore(
      document.querySelector("article p") as Element,
      "<p>It is not about price alone; it is about this.</p>",
    );
    const m = anchorMatch(document.body, second);
    expect(m?.text).toBe(repeated);
    expect(m?.range.startContainer.textContent).toContain("confidence");
  });

  it("matches a page in decomposed Unicode against the server's NFC quote", () => {
    const vi = paragraphWith("Khách hàng thường hỏi");
    vi.textContent = (vi.textContent ?? "").normalize("NFD");
    const nfd = "hỏi nhân viên về màu sắc".normalize("NFD");
    const captured = describeRange(rangeOf(nfd));
    const m = anchorMatch(document.body, captured, { quote: nfd.normalize("NFC") });
    // Exact search can't see through normalisation; the refined CssSelector can.
    expect(m?.via).toBe("css");
    expect(m?.text).toBe(nfd);
  });

  it("needs a quote", () => {
    const withoutQuote = selectors.filter((s) => s.type !== "TextQuoteSelector");
    expect(anchor(document.body, withoutQuote)).toBeNull();
    expect(anchor(document.body, withoutQuote, { quote: QUOTE })?.toString()).toBe(QUOTE);
  });

  it("ignores selectors that no longer resolve and still uses the others", () => {
    const broken: Selector[] = [
      {
        type: "RangeSelector",
        startSelector: { type: "XPathSelector", value: "/nav[9]" },
        endSelector: { type: "CssSelector", value: "#nope >>> bad" },
      },
      {
        type: "CssSelector",
        value: "#gone",
        refinedBy: { type: "TextPositionSelector", start: 0, end: 3 },
      },
      ...selectors.filter(
        (s) => s.type === "TextPositionSelector" || s.type === "TextQuoteSelector",
      ),
    ];
    expect(anchorMatch(document.body, broken)?.via).toBe("position");
  });
});

describe("anchor on a large page", () => {
  // CPU time, not wall time: the bound is about the algorithm, and a suite
  // running browsers beside this file must not fail it by taking the core.
  const cpuMs = (from: NodeJS.CpuUsage) => {
    const d = process.cpuUsage(from);
    return (d.user + d.system) / 1000;
  };
  const paragraphs = (n: number) =>
    Array.from(
      { length: n },
      (_, i) =>
        `<p>Paragraph ${i}: shoppers compared prices, asked staff about warranty and colours, and some left without buying after waiting.</p>`,
    ).join("");

  it("re-anchors an edited quote on a ~1 MB page quickly", () => {
    document.body.innerHTML = `${paragraphs(4000)}<p id="target">The quiet insight: customers want to feel sure the price is right before they buy anything at all.</p>${paragraphs(4000)}`;
    const captured = describeRange(
      rangeOf("customers want to feel sure the price is right before they buy"),
    );
    const target = document.getElementById("target") as Element;
    target.textContent =
      "The quiet insight: customers want to feel certain the price is right before they buy anything at all.";
    document.body.insertAdjacentHTML("afterbegin", paragraphs(50));
    const t0 = process.cpuUsage();
    const m = anchorMatch(document.body, captured);
    const ms = cpuMs(t0);
    expect(m?.via).toBe("fuzzy");
    expect(m?.text).toContain("feel certain the price");
    expect(ms).toBeLessThan(1500);
  });

  it("gives up on a gone long quote within bounds", () => {
    const long = "Unique closing remark that will be deleted. ".repeat(40);
    document.body.innerHTML = `${paragraphs(6000)}<p id="target">${long}</p>`;
    const captured = describeRange(rangeOf(long.trim()));
    document.getElementById("target")?.remove();
    const t0 = process.cpuUsage();
    expect(anchor(document.body, captured)).toBeNull();
    expect(cpuMs(t0)).toBeLessThan(4000);
  });
});

describe("anchor: foreign and ambiguous selectors", () => {
  beforeEach(() => {
    document.body.innerHTML =
      "<div><p>Mở đầu bài viết.</p><p>Giá tốt nhất trong tuần này là ở cửa hàng lớn.</p></div>" +
      "<div><p>Ghi chú: Giá tốt nhất trong tuần này là ở cửa hàng lớn.</p></div>";
  });
  const quote = "Giá tốt nhất trong tuần này";

  it("accepts a Hypothesis RangeSelector (startContainer/endContainer with offsets) without throwing", () => {
    const hypothesis = {
      type: "RangeSelector",
      startContainer: "/div[1]/p[2]",
      startOffset: 0,
      endContainer: "/div[1]/p[2]",
      endOffset: quote.length,
    } as unknown as Selector;
    const m = anchorMatch(document.body, [
      hypothesis,
      { type: "TextQuoteSelector", exact: quote, prefix: "Mở đầu bài viết." },
    ]);
    expect(m?.via).toBe("range");
    expect(m?.start).toBe(document.body.textContent?.indexOf(quote));
  });

  it("accepts one refined by a TextPositionSelector, and one with text() steps", () => {
    const refined = {
      type: "RangeSelector",
      startContainer: "/div[2]/p[1]",
      startOffset: 0,
      endContainer: "/div[2]/p[1]",
      endOffset: 40,
      refinedBy: { type: "TextPositionSelector", start: 9, end: 9 + quote.length },
    } as unknown as Selector;
    const second = (document.body.textContent ?? "").lastIndexOf(quote);
    expect(anchorMatch(document.body, [refined], { quote })?.start).toBe(second);
    const textSteps = {
      type: "RangeSelector",
      startContainer: "/div[2]/p[1]/text()[1]",
      startOffset: 9,
      endContainer: "/div[2]/p[1]/text()[1]",
      endOffset: 9 + quote.length,
    } as unknown as Selector;
    expect(anchorMatch(document.body, [textSteps], { quote })?.start).toBe(second);
  });

  it("ignores malformed selectors instead of throwing", () => {
    const junk = [
      { type: "RangeSelector" },
      { type: "RangeSelector", startSelector: null, endSelector: 5 },
      { type: "CssSelector", value: "p:::nope" },
      { type: "TextPositionSelector", start: "x" },
    ] as unknown as Selector[];
    expect(() => anchorMatch(document.body, junk, { quote })).not.toThrow();
    expect(anchorMatch(document.body, junk, { quote })?.text).toBe(quote);
  });

  it("does not trust a structural region that now holds a copy with other context", () => {
    // Captured in the second div; a copy of the sentence is now where its XPath points.
    const selectors: Selector[] = [
      {
        type: "RangeSelector",
        startSelector: { type: "XPathSelector", value: "/div[1]/p[2]" },
        endSelector: { type: "XPathSelector", value: "/div[1]/p[2]" },
      },
      {
        type: "TextQuoteSelector",
        exact: quote,
        prefix: "Ghi chú: ",
        suffix: " là ở cửa hàng lớn.",
      },
    ];
    const second = (document.body.textContent ?? "").lastIndexOf(quote);
    expect(anchorMatch(document.body, selectors)?.start).toBe(second);
  });
});
