// @vitest-environment happy-dom
import { getByRole } from "@testing-library/dom";
import { beforeEach, describe, expect, it } from "vitest";
import { fire, renderUi } from "../../test/support/render.tsx";
import { useI18n } from "./i18n.tsx";
import { LanguageToggle } from "./language-toggle.tsx";

function Sample() {
  const { t } = useI18n();
  return <h1>{t("journals.title")}</h1>;
}

describe("vi/en switch", () => {
  beforeEach(() => localStorage.clear());

  it("switches every string, sets <html lang> and remembers the choice", () => {
    const el = renderUi(
      <>
        <LanguageToggle />
        <Sample />
      </>,
      { locale: "vi" },
    );
    expect(el.querySelector("h1")?.textContent).toBe("Nhật ký insight");
    expect(document.documentElement.lang).toBe("vi");

    fire("click", getByRole(el, "button", { name: "English" }));
    expect(el.querySelector("h1")?.textContent).toBe("Insight journals");
    expect(document.documentElement.lang).toBe("en");
    expect(localStorage.getItem("sightline.locale")).toBe("en");

    fire("click", getByRole(el, "button", { name: "Tiếng Việt" }));
    expect(el.querySelector("h1")?.textContent).toBe("Nhật ký insight");
    expect(localStorage.getItem("sightline.locale")).toBe("vi");
  });

  it("starts in the remembered language", () => {
    localStorage.setItem("sightline.locale", "en");
    const el = renderUi(<Sample />, { locale: undefined });
    expect(el.querySelector("h1")?.textContent).toBe("Insight journals");
  });
});
