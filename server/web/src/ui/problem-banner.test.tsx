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

describe("ProblemBanner in the user's language", () => {
  const rateLimited = new ApiError(
    429,
    "Too many requests",
    "slow down: 120 requests per minute",
    [],
    "urn:sightline:problem:rate-limited",
    7,
  );

  it("says a 429 with its wait in vi and en, never the server's English", () => {
    const en = renderUi(<ProblemBanner error={rateLimited} />);
    expect(en.textContent).toContain("Too many requests, try again in 7 s.");
    expect(en.textContent).not.toContain("slow down");
    const vi = renderUi(<ProblemBanner error={rateLimited} />, { locale: "vi" });
    expect(vi.textContent).toContain("Quá nhiều yêu cầu, hãy thử lại sau 7 giây.");
    expect(vi.textContent).not.toContain("Too many");
  });

  it("maps problem types to catalogue messages and lists only the fields", () => {
    const forbidden = new ApiError(403, "Forbidden", "role marketer may not", [], undefined);
    const vi = renderUi(<ProblemBanner error={forbidden} />, { locale: "vi" });
    expect(vi.textContent).toContain("Vai trò của bạn không được làm việc này.");
    expect(vi.textContent).not.toContain("marketer");
    const invalid = new ApiError(
      400,
      "Bad request",
      "invalid body",
      [{ path: "title", message: "Too small: expected string to have >=1 characters" }],
      "urn:sightline:problem:validation",
    );
    const en = renderUi(<ProblemBanner error={invalid} />);
    expect(en.textContent).toContain("Some fields are not valid");
    expect(en.textContent).toContain("Journal name");
    expect(en.textContent).not.toContain("Too small");
  });

  it("says the typed text is kept when the server cannot be reached, with a retry", () => {
    let retried = 0;
    const el = renderUi(
      <ProblemBanner
        error={new ApiError(0, "network", "fetch failed")}
        onRetry={() => retried++}
      />,
    );
    expect(el.textContent).toContain("What you typed is kept");
    el.querySelector("button")?.click();
    expect(retried).toBe(1);
  });
});

describe("ProblemBanner on a full server disk", () => {
  it("says the disk is full and the input is kept, in vi and en (503 storage-full)", () => {
    const full = new ApiError(
      503,
      "Storage full",
      "the server's disk is full; retry later",
      [],
      "urn:sightline:problem:storage-full",
      60,
    );
    const en = renderUi(<ProblemBanner error={full} />);
    expect(en.textContent).toContain("The server's disk is full, so nothing could be saved.");
    expect(en.textContent).not.toContain("retry later");
    const vi = renderUi(<ProblemBanner error={full} />, { locale: "vi" });
    expect(vi.textContent).toContain("Ổ đĩa của máy chủ đã đầy");
  });
});
