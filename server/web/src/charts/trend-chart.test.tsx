// @vitest-environment happy-dom
// Happy index by day: every day shows its n, and a day with too few answers is
// grey and not joined into the line (2 answers are not a 0 or a 100).
import { describe, expect, it } from "vitest";
import { renderUi } from "../../test/support/render.tsx";
import { TrendChart } from "./trend-chart.tsx";

const points = [
  { key: "2026-03-01", label: "1 Mar", value: 72, count: 40 },
  { key: "2026-03-02", label: "2 Mar", value: 0, count: 2 },
  { key: "2026-03-03", label: "3 Mar", value: 68, count: 35 },
  { key: "2026-03-04", label: "4 Mar", value: null, count: 0 },
  { key: "2026-03-05", label: "5 Mar", value: 100, count: 1 },
];

describe("TrendChart", () => {
  it("shows n under every day and greys days under the minimum", () => {
    const el = renderUi(
      <TrendChart
        title="Happy index by day"
        points={points}
        minCount={5}
        valueText={(p) => `${p.label}: ${p.value} (${p.count})`}
        head={["Day", "Index", "Responses"]}
      />,
    );
    expect([...el.querySelectorAll("text.n")].map((n) => n.textContent)).toEqual([
      "40",
      "2",
      "35",
      "0",
      "1",
    ]);
    const few = [...el.querySelectorAll("g.pt.few")].map((g) => g.getAttribute("data-day"));
    expect(few).toEqual(["2026-03-02", "2026-03-05"]);
    // The line joins only the reliable days: two one-point segments, no path through 0.
    const paths = [...el.querySelectorAll("path.trend-line")].map((p) => p.getAttribute("d"));
    expect(paths).toHaveLength(2);
    expect(paths.every((d) => !d?.includes("L"))).toBe(true);
  });
});
