// @vitest-environment happy-dom
import { describe, expect, it } from "vitest";
import { loadFixture } from "../../test/fixtures/load-fixture.ts";
import { elementFromXPath, xpathOf } from "./xpath.ts";

describe("xpathOf / elementFromXPath", () => {
  it("names an element by tag and position among same-tag siblings", () => {
    document.body.innerHTML = `<div><p>a</p><span></span><p>b <b>c</b></p></div>`;
    const b = document.querySelector("b") as Element;
    expect(xpathOf(b, document.body)).toBe("/div[1]/p[2]/b[1]");
    expect(xpathOf(b.firstChild as Node, document.body)).toBe("/div[1]/p[2]/b[1]");
    expect(xpathOf(document.body, document.body)).toBe("/");
  });

  it("round-trips every element of a real page", () => {
    loadFixture("vi-shop.html");
    for (const el of Array.from(document.body.querySelectorAll("*"))) {
      const xp = xpathOf(el, document.body);
      expect(xp).not.toBeNull();
      expect(elementFromXPath(xp as string, document.body)).toBe(el);
    }
  });

  it("is null for nodes outside the root", () => {
    document.body.innerHTML = `<div id="a"></div><div id="b"><i></i></div>`;
    const a = document.getElementById("a") as Element;
    expect(xpathOf(document.querySelector("i") as Element, a)).toBeNull();
  });

  it("returns null when the path no longer resolves or is not simple", () => {
    document.body.innerHTML = `<div><p>a</p></div>`;
    expect(elementFromXPath("/div[1]/p[2]", document.body)).toBeNull();
    expect(elementFromXPath("//p", document.body)).toBeNull();
    expect(elementFromXPath("div[1]", document.body)).toBeNull();
    expect(elementFromXPath("/div/p", document.body)).toBe(document.querySelector("p"));
  });

  it("reads what Hypothesis writes: text() steps, namespace prefixes, /html/body from the body", () => {
    document.body.innerHTML = `<div><p>one<b>two</b>three</p></div>`;
    const p = document.querySelector("p") as Element;
    expect(elementFromXPath("/div[1]/p[1]/text()[2]", document.body)).toBe(p.lastChild);
    expect(elementFromXPath("/xhtml:div[1]/xhtml:p[1]", document.body)).toBe(p);
    expect(elementFromXPath("/html[1]/body[1]/div[1]/p[1]", document.body)).toBe(p);
    expect(elementFromXPath("/div[1]/p[1]/text()[3]", document.body)).toBeNull();
  });
});
