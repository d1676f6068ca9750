// @vitest-environment happy-dom
// The phone's journal tabs: counts beside the names, one tap to the insights,
// arrow keys between tabs.
import { getByRole } from "@testing-library/dom";
import { describe, expect, it, vi } from "vitest";
import { fire, renderUi } from "../../test/support/render.tsx";
import { JournalTabs } from "./journal-tabs.tsx";

describe("JournalTabs", () => {
  it("switches with a tap or an arrow key", () => {
    const onChange = vi.fn();
    const el = renderUi(
      <JournalTabs value="timeline" onChange={onChange} counts={{ timeline: 1200, insights: 3 }} />,
      { locale: "vi" },
    );
    const insights = getByRole(el, "tab", { name: /Insight/ });
    expect(insights.textContent).toBe("Insight3");
    expect(getByRole(el, "tab", { selected: true }).textContent).toBe("Dòng thời gian1.200");
    fire("click", insights);
    expect(onChange).toHaveBeenLastCalledWith("insights");
    fire("keyDown", el.querySelector('[role="tablist"]'), { key: "ArrowLeft" });
    expect(onChange).toHaveBeenLastCalledWith("suggestions");
  });
});
