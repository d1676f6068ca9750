import { describe, expect, it } from "vitest";
import type { SuggestObservation } from "./observation.ts";
import { suggest } from "./suggest.ts";

const at = (i: number) => new Date(Date.UTC(2026, 10, 1, 8) + i * 3_600_000).toISOString();

describe("templated device wording", () => {
  it("never becomes a theme of its own", () => {
    const reasons = ["Giá cao", "Nhân viên nhiệt tình", "Chờ lâu", "Hết hàng"];
    const obs: SuggestObservation[] = Array.from({ length: 40 }, (_, i) => ({
      id: `f${i}`,
      channel: "feedback",
      method: "feedback",
      capturedAt: at(i),
      what: `Khách chấm ${1 + (i % 4)}/4 — ${reasons[i % 4]}`,
      rating: 1 + (i % 4),
    }));
    // Other channels keep the wording under half of the journal.
    const taps = ["Hỏi giá", "Xem hàng", "Cầm lên xem", "Đã mua", "Chờ đợi"];
    for (let i = 0; i < 60; i++) {
      obs.push({
        id: `s${i}`,
        channel: "store",
        method: "shopper-observation",
        capturedAt: at(i),
        what: taps[i % 5] as string,
        behaviour: `b${i % 5}`,
      });
    }
    const out = suggest(obs, {});
    const keys = out.suggestions.map((s) => (s.why as { key?: { code: string } }).key?.code ?? "");
    // Theme keys are the terms as written (accents kept).
    expect(keys.filter((k) => /chấm|khách/.test(k))).toEqual([]);
    expect(out.suggestions.length).toBeGreaterThan(0);
  });
});
