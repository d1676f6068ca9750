// @vitest-environment happy-dom
import { describe, expect, it } from "vitest";
import { hidesSubtree, isRendered } from "./visibility.ts";

describe("visibility", () => {
  it("treats display:none, visibility:hidden, hidden and non-content tags as hidden", () => {
    document.body.innerHTML = `
      <style>.gone { display: none }</style>
      <div class="gone"><p id="a">a</p></div>
      <div style="visibility:hidden"><p id="b">b</p></div>
      <div hidden><p id="c">c</p></div>
      <template><p>t</p></template>
      <input type="hidden" id="d">
      <span aria-hidden="true" id="e">$5</span>
      <p id="f">f</p>`;
    const byId = (id: string) => document.getElementById(id) as Element;
    for (const id of ["a", "b", "c", "d"]) expect(isRendered(byId(id)), id).toBe(false);
    expect(isRendered(byId("e"))).toBe(true); // aria-hidden is often the visual price
    expect(isRendered(byId("f"))).toBe(true);
    expect(hidesSubtree(document.querySelector("style") as Element)).toBe(true);
    expect(hidesSubtree(document.querySelector("template") as Element)).toBe(true);
    expect(hidesSubtree(byId("a"))).toBe(false); // only its parent hides it
  });
});
