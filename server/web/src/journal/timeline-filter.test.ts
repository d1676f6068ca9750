import { describe, expect, it } from "vitest";
import { timelineQuery } from "../api/client.ts";
import type { Observation } from "../api/types.ts";
import {
  EMPTY_FILTER,
  filterTimeline,
  foldText,
  hasRefinement,
  refineLoaded,
  serverFilters,
} from "./timeline-filter.ts";

const obs = (id: string, extra: Partial<Observation>): Observation => ({
  id,
  createdBy: "d1",
  version: 1,
  channel: "store",
  capturedAt: "2025-03-01T10:00:00+07:00",
  what: "",
  fiveW1H: 0,
  ...extra,
});

const items = [
  obs("a", { what: "Khách hỏi giá rồi đi ra", needs: ["price"], storeId: "s1" }),
  obs("b", {
    channel: "web",
    what: "Đối thủ giảm giá 10%",
    evidence: { quote: "Giảm ngay 10%" },
    who: "Đối thủ A",
  }),
  obs("c", { channel: "feedback", what: "Rất không hài lòng", rating: 1, needs: ["efficiency"] }),
];

describe("timeline filter", () => {
  it("folds Vietnamese accents and đ", () => {
    expect(foldText("Đối thủ GIẢM giá")).toBe("doi thu giam gia");
  });

  it("finds giá with gia, across what and quotes", () => {
    const r = filterTimeline(items, { ...EMPTY_FILTER, text: "gia" }, new Set());
    expect(r.map((o) => o.id)).toEqual(["a", "b"]);
    expect(
      filterTimeline(items, { ...EMPTY_FILTER, text: "giam ngay" }, new Set()).map((o) => o.id),
    ).toEqual(["b"]);
  });

  it("filters by channel, need, evidence and links", () => {
    expect(
      filterTimeline(items, { ...EMPTY_FILTER, channels: ["web", "feedback"] }, new Set()).map(
        (o) => o.id,
      ),
    ).toEqual(["b", "c"]);
    expect(
      filterTimeline(items, { ...EMPTY_FILTER, need: "price" }, new Set()).map((o) => o.id),
    ).toEqual(["a"]);
    expect(
      filterTimeline(items, { ...EMPTY_FILTER, withEvidenceOnly: true }, new Set()).map(
        (o) => o.id,
      ),
    ).toEqual(["b"]);
    expect(
      filterTimeline(items, { ...EMPTY_FILTER, unlinkedOnly: true }, new Set(["a"])).map(
        (o) => o.id,
      ),
    ).toEqual(["b", "c"]);
  });

  it("keeps observations with at least n of 5W1H", () => {
    // a: what, when, where (store); b: what, when, who; c: what, when
    const r = filterTimeline(items, { ...EMPTY_FILTER, minFiveW1H: 3 }, new Set());
    expect(r.map((o) => o.id)).toEqual(["a", "b"]);
    expect(filterTimeline(items, { ...EMPTY_FILTER, minFiveW1H: 4 }, new Set())).toEqual([]);
  });
});

describe("the timeline query's filters", () => {
  it("sends channel, store, competitor, need, tag, basis, days and search to the server", () => {
    expect(
      serverFilters({
        ...EMPTY_FILTER,
        channels: ["web", "event"],
        storeId: "s1",
        competitorId: "c1",
        need: "price",
        tag: "#tet",
        basis: "heard",
        from: "2026-03-01",
        to: "2026-03-31",
        text: "  gia re ",
        minFiveW1H: 4,
      }),
    ).toEqual({
      channel: ["web", "event"],
      storeId: ["s1"],
      competitorId: ["c1"],
      need: ["price"],
      tag: ["tet"],
      basis: ["heard"],
      from: "2026-03-01",
      to: "2026-03-31",
      q: "gia re",
    });
    expect(serverFilters(EMPTY_FILTER)).toEqual({});
  });

  it("repeats a key per value in the query string (OR within a filter)", () => {
    const q = timelineQuery({ channel: ["web", "store"], q: "giá" }, { cursor: "c2", limit: 50 });
    expect(q.toString()).toBe("channel=web&channel=store&q=gi%C3%A1&cursor=c2&limit=50");
  });

  it("refines loaded rows by 5W1H and links only", () => {
    const r = refineLoaded(items, { ...EMPTY_FILTER, unlinkedOnly: true }, new Set(["a"]));
    expect(r.map((o) => o.id)).toEqual(["b", "c"]);
    expect(hasRefinement({ ...EMPTY_FILTER, text: "x" })).toBe(false);
  });
});
