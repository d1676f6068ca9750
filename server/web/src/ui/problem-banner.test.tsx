// @vitest-environment happy-dom
import { describe, expect, it } from "vitest";
import { renderUi } from "../../test/support/render.tsx";
import { ApiError, UNEXPECTED_RESPONSE } from "../api/problem.ts";
import { ProblemBanner } from "./problem-banner.tsx";

const unexpected = new ApiError(
  200,
  "GET /v1/journals",
  undefined,
  [{ path: "items.0.title", message: "Invalid input" }],
  UNEXPECTED_RESPONSE,
);

describe("ProblemBanner", () => {
  it("says in the user's language that an answer did not match its schema", () => {
    const en = renderUi(<ProblemBanner error={unexpected} />);
    expect(en.textContent).toContain("The server's answer is not in a form the app can read");
    expect(en.textContent).toContain("GET /v1/journals");
    expect(en.textContent).toContain("items.0.title");
    const vi = renderUi(<ProblemBanner error={unexpected} />, { locale: "vi" });
    expect(vi.textContent).toContain("Máy chủ trả lời theo dạng ứng dụng không đọc được");
  });
});
