// @vitest-environment happy-dom
import { describe, expect, it } from "vitest";
import { fire, renderUi } from "../../test/support/render.tsx";
import { Heatmap } from "./heatmap.tsx";

const DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

describe("Heatmap", () => {
  const values = DAYS.map((_, r) =>
    Array.from({ length: 24 }, (_, h) => (h >= 9 && h <= 21 ? r + h : 0)),
  );
  const el = () =>
    renderUi(
      <Heatmap
        title="Responses by hour"
        values={values}
        rowLabels={DAYS}
        hourLabel="Day / hour"
        cellText={(d, h, v) => `${d} ${h}:00 — ${v}`}
      />,
    );

  it("draws 7 × 24 cells, each carrying its value", () => {
    const root = el();
    const cells = root.querySelectorAll("svg.heatmap g.cell");
    expect(cells).toHaveLength(7 * 24);
    const sat14 = cells[5 * 24 + 14];
    expect(sat14?.getAttribute("data-value")).toBe(String(5 + 14));
    expect(sat14?.querySelector("title")?.textContent).toBe("Sat 14:00 — 19");
    expect(sat14?.querySelector("text")?.textContent).toBe("19");
    expect(cells[3]?.querySelector("text")).toBeNull();
  });

  it("is labelled, shows the number on hover and has a table twin", () => {
    const root = el();
    expect(root.querySelector("svg")?.getAttribute("aria-label")).toBe("Responses by hour");
    const cell = root.querySelectorAll("svg.heatmap g.cell")[9] as Element;
    fire("mouseEnter", cell);
    expect(root.querySelector(".readout")?.textContent).toBe("Mon 9:00 — 9");
    const rows = root.querySelectorAll(".chart-table tbody tr");
    expect(rows).toHaveLength(7);
    expect(rows[0]?.querySelectorAll("td")).toHaveLength(24);
  });

  it("on a fixed 0–100 scale shows a real 0 and leaves no-data cells empty", () => {
    const happy = DAYS.map(() => Array.from({ length: 24 }, () => null as number | null));
    (happy[0] as (number | null)[])[10] = 0;
    (happy[0] as (number | null)[])[11] = 100;
    const root = renderUi(
      <Heatmap
        title="Happy"
        values={happy}
        scaleMax={100}
        rowLabels={DAYS}
        hourLabel="h"
        cellText={(d, h, v) => `${d} ${h} ${v ?? "none"}`}
      />,
    );
    const cells = root.querySelectorAll("svg.heatmap g.cell");
    expect(cells[10]?.querySelector("text")?.textContent).toBe("0");
    expect(cells[11]?.querySelector("rect")?.getAttribute("fill")).toBe("rgb(24, 78, 95)");
    expect(cells[12]?.querySelector("text")).toBeNull();
    expect(cells[12]?.querySelector("title")?.textContent).toBe("Mon 12 none");
  });

  it("shades the busiest cell darkest", () => {
    const root = el();
    const rects = [...root.querySelectorAll("svg.heatmap g.cell rect")];
    const sun21 = rects[6 * 24 + 21]?.getAttribute("fill");
    const mon9 = rects[9]?.getAttribute("fill");
    expect(sun21).toBe("rgb(24, 78, 95)");
    expect(mon9).not.toBe(sun21);
  });
});

describe("Heatmap on the happy index", () => {
  it("uses a diverging scale around 50 and shows a legend", () => {
    const values = DAYS.map((_, r) =>
      Array.from({ length: 24 }, (_, h) => (r === 0 ? ([0, 50, 100][h % 3] ?? null) : null)),
    );
    const el = renderUi(
      <Heatmap
        title="Happy index by hour"
        values={values}
        scaleMax={100}
        diverging
        legend={{ title: "Legend", low: "0 · Unhappy", high: "100 · Happy", empty: "No responses" }}
        rowLabels={DAYS}
        hourLabel="Day / hour"
        cellText={(d, h, v) => `${d} ${h}:00 — ${v}`}
      />,
    );
    const fills = [...el.querySelectorAll("g.cell rect")]
      .slice(0, 3)
      .map((r) => r.getAttribute("fill"));
    // Unhappy red, neutral middle, happy green: three different hues, not one colour.
    expect(fills).toEqual(["rgb(179, 38, 30)", "rgb(244, 241, 234)", "rgb(30, 132, 73)"]);
    const legend = el.querySelector('[data-testid="heat-legend"]');
    expect(legend?.textContent).toContain("0 · Unhappy");
    expect(legend?.textContent).toContain("100 · Happy");
    expect(legend?.querySelectorAll("rect").length).toBeGreaterThan(10);
  });
});
