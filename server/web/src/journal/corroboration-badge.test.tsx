// @vitest-environment happy-dom
import { describe, expect, it } from "vitest";
import { renderUi } from "../../test/support/render.tsx";
import { CorroborationBadge } from "./corroboration-badge.tsx";

describe("CorroborationBadge", () => {
  it("warns 'one source only' for a single-source insight", () => {
    const el = renderUi(
      <CorroborationBadge
        corroboration={{
          channels: 1,
          observations: 4,
          singleSource: true,
          dataTypes: ["store"],
          contradicting: 0,
        }}
      />,
    );
    const badge = el.querySelector(".corroboration");
    expect(badge?.classList.contains("single")).toBe(true);
    expect(badge?.textContent).toContain("One source only");
    expect(badge?.textContent).toContain("4 observations");
  });

  it("counts kinds of data when corroborated, naming them on hover", () => {
    const el = renderUi(
      <CorroborationBadge
        corroboration={{
          channels: 3,
          observations: 7,
          singleSource: false,
          dataTypes: ["feedback", "import:crm", "web"],
          contradicting: 1,
        }}
      />,
    );
    const badge = el.querySelector(".corroboration");
    expect(badge?.classList.contains("ok")).toBe(true);
    expect(badge?.textContent).toContain("3 kinds of data");
    expect(badge?.textContent).toContain("1 contradicting");
    expect(badge?.getAttribute("title")).toBe("Feedback, crm, Web");
  });

  it("speaks Vietnamese", () => {
    const el = renderUi(
      <CorroborationBadge
        corroboration={{
          channels: 2,
          observations: 2,
          singleSource: false,
          dataTypes: ["web", "store"],
          contradicting: 0,
        }}
      />,
      { locale: "vi" },
    );
    expect(el.textContent).toContain("2 loại dữ liệu");
  });
});
