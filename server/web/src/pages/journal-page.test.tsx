// @vitest-environment happy-dom
// The journal page against a fake API: timeline, suggestions, accepting one,
// linking evidence by drag and by pick, a live poke refreshing the page, a
// failed "Create insight" keeping its text, and what each role is offered.

import type { TimelineFilters } from "@sightline/shared/schema/timeline";
import { getByRole, getByText, within } from "@testing-library/dom";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { fire, renderUi, settle, TEST_USER } from "../../test/support/render.tsx";
import type { Api } from "../api/client.ts";
import { ApiError } from "../api/problem.ts";
import type { Insight, JournalDetail, Observation } from "../api/types.ts";
import { JournalPage } from "./journal-page.tsx";

const obs = (
  id: string,
  channel: Observation["channel"],
  what: string,
  capturedAt: string,
): Observation => ({
  id,
  createdBy: "dev",
  version: 1,
  channel,
  capturedAt,
  what,
  fiveW1H: 3,
});

const timeline = [
  obs("o1", "store", "Khách hỏi giá rồi rời đi", "2025-03-01T10:00:00+07:00"),
  obs("o2", "web", "Đối thủ bán rẻ hơn 10%", "2025-03-02T09:00:00+07:00"),
  obs("o3", "feedback", "Rất không hài lòng về giá", "2025-03-03T18:00:00+07:00"),
];

function detail(insights: Insight[], items = timeline): JournalDetail {
  return {
    journal: {
      id: "j1",
      title: "Giá và bỏ đi",
      question: "Vì sao khách bỏ đi?",
      goal: "Tăng chuyển đổi",
      scope: {},
      archived: false,
      createdBy: "u1",
      createdAt: "2025-03-01T00:00:00Z",
      updatedAt: "2025-03-01T00:00:00Z",
    },
    timeline: items,
    nextCursor: null,
    insights,
    stats: {
      total: items.length,
      byChannel: { store: 1, web: 1, feedback: 1 },
      byNeed: {},
      byDay: {},
      fiveW1H: { average: 3.3, answered: {} },
      needsByChannel: {},
    },
  };
}

/** An insight as the API sends it, with what the test cares about. */
const insightOf = (
  i: Pick<Insight, "id" | "statement" | "needs" | "status" | "evidence"> & {
    corroboration: Pick<Insight["corroboration"], "channels" | "observations" | "singleSource">;
  },
): Insight => ({
  journalId: "j1",
  principles: {},
  overrideReason: null,
  actions: [],
  scorecard: { total: 0, max: 12, scored: 0, weakest: null },
  ...i,
  corroboration: { dataTypes: [], contradicting: 0, ...i.corroboration },
});

class FakeEventSource {
  static CLOSED = 2;
  static last: FakeEventSource | undefined;
  readyState = 1;
  onopen: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onmessage: (() => void) | null = null;
  constructor() {
    FakeEventSource.last = this;
    setTimeout(() => this.onopen?.(), 0);
  }
  addEventListener() {}
  removeEventListener() {}
  close() {}
}

// happy-dom lacks the on<drag…> element properties, so Preact would listen for
// "DragOver"/"Drop" instead of "dragover"/"drop"; browsers have them.
for (const name of ["ondragstart", "ondragover", "ondragleave", "ondrop"]) {
  if (!(name in HTMLElement.prototype)) {
    Object.defineProperty(HTMLElement.prototype, name, {
      value: null,
      writable: true,
      configurable: true,
    });
  }
}

describe("JournalPage", () => {
  let insights: Insight[];
  let items: Observation[];
  let api: Partial<Api>;

  beforeEach(() => {
    localStorage.clear();
    vi.stubGlobal("EventSource", FakeEventSource);
    insights = [];
    items = [...timeline];
    api = {
      journal: vi.fn(async () => detail(insights, items)),
      // The server's timeline query: filters over the whole journal, newest first by instant.
      timeline: vi.fn(async (_id: string, f: TimelineFilters) => {
        const hits = items
          .filter((o) => !f.channel || f.channel.includes(o.channel))
          .sort((a, b) => Date.parse(b.capturedAt) - Date.parse(a.capturedAt));
        return { items: hits, nextCursor: null, total: hits.length, order: "newest" as const };
      }),
      suggestions: vi.fn(async () => ({
        suggestions: [
          {
            kind: "theme" as const,
            title: "Khách thấy giá cao hơn đối thủ",
            needs: ["price" as const],
            observationIds: ["o1", "o2", "o3"],
            channels: ["store" as const, "web" as const, "feedback" as const],
            score: 0.9,
            why: {
              kind: "theme" as const,
              key: { type: "need" as const, code: "price" },
              observations: 3,
              shown: 3,
              channels: { store: 1, web: 1, feedback: 1 },
              dataTypes: { store: 1, web: 1, feedback: 1 },
              needs: {},
              topTerms: ["giá", "rẻ"],
              coherence: 0.5,
              from: null,
              to: null,
              days: 3,
            },
          },
        ],
        timeLinks: [],
      })),
      stores: vi.fn(async () => ({ items: [] })),
      competitors: vi.fn(async () => ({ items: [] })),
      createInsight: vi.fn(async (_j, input) => {
        const insight = insightOf({
          id: "i1",
          statement: input.statement,
          needs: ["price"],
          status: "draft",
          corroboration: { channels: 3, observations: 3, singleSource: false },
          evidence: input.evidence,
        });
        insights = [insight];
        return { id: "i1", insight };
      }),
      addEvidence: vi.fn(async (insightId, observationId, stance) => {
        insights = insights.map((i) =>
          i.id === insightId ? { ...i, evidence: [...i.evidence, { observationId, stance }] } : i,
        );
        return insights.find((i) => i.id === insightId) as Insight;
      }),
      exportUrl: (id, f, lang) => `/v1/journals/${id}/export?format=${f}&lang=${lang}`,
      blobUrl: (s) => `/v1/blobs/${s}`,
    };
  });
  afterEach(() => vi.unstubAllGlobals());

  it("shows the merged timeline and accepts a suggestion as an insight with its evidence", async () => {
    const el = renderUi(<JournalPage id="j1" />, { api });
    await settle();
    expect(getByRole(el, "heading", { name: "Giá và bỏ đi" })).toBeTruthy();
    expect(el.querySelectorAll("article.obs")).toHaveLength(3);
    expect(el.querySelector("article.obs .badge")?.textContent).toBe("Feedback");
    expect(getByText(el, "Key terms: giá, rẻ")).toBeTruthy();

    fire("click", getByRole(el, "button", { name: "Accept as insight" }));
    await settle();
    expect(api.createInsight).toHaveBeenCalledWith("j1", {
      statement: "Khách thấy giá cao hơn đối thủ",
      needs: ["price"],
      evidence: ["o1", "o2", "o3"].map((observationId) => ({ observationId, stance: "supports" })),
    });
    const card = el.querySelector("article.insight") as HTMLElement;
    expect(within(card).getByText("3 kinds of data")).toBeTruthy();
    expect(el.querySelector(".suggestions")?.textContent).toContain("No suggestions left.");
    expect(el.querySelectorAll(".linked")).toHaveLength(3);
  });

  it("links evidence by drop and by pick", async () => {
    insights = [
      insightOf({
        id: "i9",
        statement: "Hàng chờ thanh toán làm khách bực",
        needs: [],
        status: "draft",
        corroboration: { channels: 0, observations: 0, singleSource: true },
        evidence: [],
      }),
    ];
    const el = renderUi(<JournalPage id="j1" />, { api });
    await settle();
    const card = el.querySelector("article.insight") as HTMLElement;
    expect(within(card).getByText("One source only")).toBeTruthy();

    const data = new Map<string, string>([["application/x-sightline-observation", "o2"]]);
    const dataTransfer = { types: [...data.keys()], getData: (k: string) => data.get(k) ?? "" };
    fire("dragOver", card, { dataTransfer });
    fire("drop", card, { dataTransfer });
    await settle();
    expect(api.addEvidence).toHaveBeenCalledWith("i9", "o2", "supports");
    expect(within(card).getByText("Evidence (1)")).toBeTruthy();
    expect(api.journal).toHaveBeenCalledTimes(1);

    fire("click", within(card).getByRole("button", { name: "Pick from timeline" }));
    const first = el.querySelector("article.obs") as HTMLElement;
    fire("click", within(first).getByRole("button", { name: "Contradicts" }));
    await settle();
    expect(api.addEvidence).toHaveBeenLastCalledWith("i9", "o3", "contradicts");
    expect(within(card).getByText("Evidence (2)")).toBeTruthy();
    expect(card.querySelector(".stance-tag.stance-contradicts")).toBeTruthy();
  });

  it("refreshes when a live poke arrives and highlights the new observation", async () => {
    const el = renderUi(<JournalPage id="j1" />, { api });
    await settle();
    expect(el.textContent).toContain("Live");
    items = [...timeline, obs("o4", "store", "Khách mới chờ lâu", "2025-03-03T12:00:00.000Z")];
    FakeEventSource.last?.onmessage?.();
    await new Promise((r) => setTimeout(r, 450));
    await settle();
    const fresh = el.querySelector("article.obs.fresh");
    // Newest first by instant: 12:00Z is after 18:00+07:00 (11:00Z) though it sorts before it as text.
    expect(el.querySelector("article.obs")).toBe(fresh);
    expect(fresh?.textContent).toContain("Khách mới chờ lâu");
    expect(el.querySelectorAll("article.obs")).toHaveLength(4);
  });

  it("filters through the server's timeline query and says N of M with its exact total", async () => {
    // The journal holds 1,200 observations; the server says 18 of them are web.
    api.journal = vi.fn(async () => ({
      ...detail(insights, items),
      stats: { ...detail(insights, items).stats, total: 1200 },
    }));
    api.timeline = vi.fn(async (_id: string, f: TimelineFilters) =>
      f.channel?.includes("web")
        ? {
            items: [{ ...(timeline[1] as Observation), storeName: null, marks: {} }],
            nextCursor: "c2",
            total: 18,
            order: "newest" as const,
          }
        : { items: timeline, nextCursor: "c1", total: 1200, order: "newest" as const },
    );
    const el = renderUi(<JournalPage id="j1" />, { api });
    await settle();
    expect(el.querySelector('[data-testid="timeline-count"]')?.textContent).toBe(
      "1,200 observations",
    );
    fire("click", getByRole(el, "button", { name: "Web", pressed: false }));
    await settle();
    expect(api.timeline).toHaveBeenLastCalledWith("j1", { channel: ["web"] });
    expect(el.querySelector('[data-testid="timeline-count"]')?.textContent).toBe(
      "18 of 1,200 observations match",
    );
    expect(getByRole(el, "button", { name: /Load older observations \(17\)/ })).toBeTruthy();
  });

  it("marks the matched words of a search", async () => {
    api.timeline = vi.fn(async (_id: string, f: TimelineFilters) => ({
      items: f.q
        ? [
            {
              ...(timeline[0] as Observation),
              score: 2.1,
              marks: { what: [[10, 13]] as [number, number][] },
            },
          ]
        : timeline,
      nextCursor: null,
      total: f.q ? 1 : 3,
      order: f.q ? ("relevance" as const) : ("newest" as const),
    }));
    const el = renderUi(<JournalPage id="j1" />, { api });
    await settle();
    fire("input", el.querySelector('input[type="search"]'), { target: { value: "gia" } });
    await new Promise((r) => setTimeout(r, 300));
    await settle();
    expect(api.timeline).toHaveBeenLastCalledWith("j1", { q: "gia" });
    expect([...el.querySelectorAll("article.obs mark")].map((m) => m.textContent)).toEqual(["giá"]);
  });

  it("deletes an insight at once; Undo restores it on the server; failures say why in the user's language", async () => {
    const spare = insightOf({
      id: "i5",
      statement: "Khách chê giá",
      needs: [],
      status: "draft",
      corroboration: { channels: 0, observations: 0, singleSource: true },
      evidence: [],
    });
    insights = [spare];
    let deleted = false;
    api.deleteInsight = vi.fn(async () => {
      deleted = true;
    });
    api.restoreInsight = vi.fn(async () => {
      deleted = false;
    });
    api.journal = vi.fn(async () => detail(deleted ? [] : insights, items));
    const el = renderUi(<JournalPage id="j1" />, { api, locale: "vi" });
    await settle();
    fire("click", getByRole(el, "button", { name: "Xoá insight" }));
    // Sent at once, not held back behind the toast.
    expect(api.deleteInsight).toHaveBeenCalledWith("i5");
    await settle();
    expect(el.querySelector('article.insight[data-insight-id="i5"]')).toBeNull();
    fire("click", getByRole(el, "button", { name: "Hoàn tác" }));
    await settle();
    expect(api.restoreInsight).toHaveBeenCalledWith("i5");
    expect(el.querySelector('article.insight[data-insight-id="i5"]')).toBeTruthy();
    expect(el.querySelector(".toast")).toBeNull();

    // The server cannot be reached: the insight stays on screen and the page says why, in Vietnamese.
    api.deleteInsight = vi.fn(async () => {
      throw new ApiError(0, "fetch failed");
    });
    fire("click", getByRole(el, "button", { name: "Xoá insight" }));
    await settle();
    expect(el.querySelector('article.insight[data-insight-id="i5"]')).toBeTruthy();
    expect(el.querySelector('[role="alert"]')?.textContent).toContain("Không kết nối được máy chủ");
    expect(el.textContent).not.toContain("fetch failed");
  });

  const failures = [
    {
      why: "the server is down",
      locale: "vi" as const,
      error: new ApiError(0, "fetch failed"),
      says: "Không kết nối được máy chủ. Nội dung bạn nhập vẫn được giữ",
    },
    {
      why: "a 500",
      locale: "en" as const,
      error: new ApiError(500, "Internal Server Error", "boom at insights.ts:42"),
      says: "The server had a problem (error 500); try again.",
    },
    {
      why: "a 429",
      locale: "vi" as const,
      error: new ApiError(
        429,
        "Too many requests – slow down",
        "limit 60/min",
        [],
        "urn:sightline:problem:rate-limited",
        7,
      ),
      says: "Quá nhiều yêu cầu, hãy thử lại sau 7 giây.",
    },
    {
      why: "a 429",
      locale: "en" as const,
      error: new ApiError(429, "Too many requests – slow down", undefined, [], undefined, 7),
      says: "Too many requests, try again in 7 s.",
    },
  ];
  for (const { why, locale, error, says } of failures) {
    it(`keeps a new insight's text when ${why} (${locale}), says why and saves it on Try again`, async () => {
      const create = api.createInsight as NonNullable<typeof api.createInsight>;
      api.createInsight = vi.fn(create).mockRejectedValueOnce(error);
      const label = (vi: string, en: string) => (locale === "vi" ? vi : en);
      const el = renderUi(<JournalPage id="j1" />, { api, locale });
      await settle();
      fire(
        "click",
        getByRole(el, "button", { name: label("+ Viết insight", "+ Write an insight") }),
      );
      const form = el.querySelector("form.new-insight") as HTMLElement;
      const box = within(form).getByRole("textbox") as HTMLTextAreaElement;
      fire("input", box, { target: { value: "Khách rời đi vì phải chờ thanh toán quá lâu" } });
      fire(
        "click",
        within(form).getByRole("button", { name: label("Tạo insight", "Create insight") }),
      );
      await settle();

      expect(api.createInsight).toHaveBeenCalledTimes(1);
      expect((el.querySelector("form.new-insight textarea") as HTMLTextAreaElement).value).toBe(
        "Khách rời đi vì phải chờ thanh toán quá lâu",
      );
      const alert = el.querySelector('form.new-insight [role="alert"]');
      expect(alert?.textContent).toContain(says);
      // The server's own English never reaches the screen.
      expect(alert?.textContent).not.toMatch(/fetch failed|boom|slow down|limit 60/);
      expect(el.querySelector("article.insight")).toBeNull();

      fire(
        "click",
        within(alert as HTMLElement).getByRole("button", { name: label("Thử lại", "Try again") }),
      );
      await settle();
      expect(api.createInsight).toHaveBeenCalledTimes(2);
      expect(api.createInsight).toHaveBeenLastCalledWith("j1", {
        statement: "Khách rời đi vì phải chờ thanh toán quá lâu",
        evidence: [],
      });
      expect(el.querySelector("form.new-insight")).toBeNull();
      expect(el.querySelector("article.insight")?.textContent).toContain(
        "Khách rời đi vì phải chờ thanh toán quá lâu",
      );
      // Saved: the draft is gone, so a reload does not offer it again.
      expect(Object.keys(localStorage).filter((k) => k.includes("insight.j1"))).toEqual([]);
    });
  }

  for (const role of ["marketer", "viewer"] as const) {
    it(`offers a ${role} no form or button they cannot use`, async () => {
      insights = [
        {
          ...insightOf({
            id: "i7",
            statement: "Khách chờ lâu ở quầy",
            needs: [],
            status: "draft",
            corroboration: { channels: 1, observations: 1, singleSource: true },
            evidence: [{ observationId: "o1", stance: "supports" }],
          }),
          actions: [
            {
              id: "a1",
              insightId: "i7",
              title: "Thêm một quầy",
              owner: "Lan",
              due: null,
              status: "todo",
              createdAt: "2025-03-04T00:00:00Z",
              updatedAt: "2025-03-04T00:00:00Z",
            },
          ],
        },
      ];
      const el = renderUi(<JournalPage id="j1" />, {
        api,
        user: { ...TEST_USER, role },
      });
      await settle();
      // The page itself is readable: the journal, its timeline, the insight and its action.
      expect(getByRole(el, "heading", { name: "Giá và bỏ đi" })).toBeTruthy();
      expect(el.querySelectorAll("article.obs")).toHaveLength(3);
      expect(el.querySelector("article.insight")?.textContent).toContain("Thêm một quầy");

      const names = [...el.querySelectorAll("button")].map(
        (b) => b.getAttribute("aria-label") ?? b.textContent ?? "",
      );
      for (const forbidden of [
        "Edit journal",
        "Archive",
        "Restore",
        "+ Write an insight",
        "Edit statement",
        "Delete insight",
        "Delete action “Thêm một quầy”",
        "Pick from timeline",
        "Accept as insight",
        "Add action",
      ]) {
        expect(names, forbidden).not.toContain(forbidden);
      }
      expect(el.querySelector("form")).toBeNull();
      expect(el.querySelector("form.new-insight, form.action-form, .lifecycle")).toBeNull();
      expect(el.querySelector(".insight .icon-btn")).toBeNull();
      expect(el.querySelector('article.obs[draggable="true"]')).toBeNull();
      // What is shown as a control cannot be changed.
      for (const select of el.querySelectorAll("article.insight select"))
        expect((select as HTMLSelectElement).disabled).toBe(true);
    });
  }
});
