// @vitest-environment happy-dom
import { describe, expect, it } from "vitest";
import { renderUi } from "../../test/support/render.tsx";
import { CapNote } from "./cap-note.tsx";

const items = Array.from({ length: 500 }, (_, i) => ({ id: String(i) }));

describe("CapNote", () => {
  it("says how many of how many are shown when the server left some out, in the user's language", () => {
    const en = renderUi(<CapNote list={{ items, total: 1234, truncated: true }} />);
    expect(en.textContent).toBe(
      "Showing the first 500 of 1,234. The server lists at most 500; tidy the list to see the rest.",
    );
    const vi = renderUi(<CapNote list={{ items, total: 1234, truncated: true }} />, {
      locale: "vi",
    });
    expect(vi.textContent).toContain("500 / 1.234");
  });

  it("says nothing when the list is whole", () => {
    expect(renderUi(<CapNote list={{ items, total: 500, truncated: false }} />).textContent).toBe(
      "",
    );
    expect(renderUi(<CapNote list={undefined} />).textContent).toBe("");
  });
});
