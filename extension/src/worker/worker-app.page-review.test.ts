// Re-anchoring on a revisit through the whole worker on fakes: the worker
// serves the page's earlier captures (this person's and teammates') to the
// content script and records the changes it reports.
import { beforeEach, describe, expect, it } from "vitest";
import { contentSender } from "../../test/support/fake-browser-api.ts";
import {
  ask,
  type Ctx,
  pair,
  prices,
  settle,
  setup,
  URL_,
} from "../../test/support/worker-on-fakes.ts";
import type { CaptureResult, PageReport } from "../messages.ts";

describe("worker", () => {
  let ctx: Ctx;
  beforeEach(async () => {
    ctx = await setup();
  });

  it("re-anchoring also serves teammates' captures of the page, which the server answers", async () => {
    await pair(ctx);
    await settle(ctx);
    ctx.browser.scriptable.add(ctx.tab.id);
    const mine = (await ask<CaptureResult>(ctx, { type: "capture.start", kind: "selection" })) as {
      id: string;
    };
    const teammate = {
      id: "0190a000-0000-7000-8000-0000000000aa",
      capturedAt: "2099-01-01T09:00:00+07:00",
      prices: [{ ...prices[0], amount: 1190000, raw: "1190000" }],
      element: { selector: "#summary", text: "Mua ngay" },
    };
    ctx.server.pageCaptures = [teammate];
    const hello = (await ctx.browser.send(
      { type: "page.hello", url: `${URL_}#specs` },
      contentSender(ctx.tab),
    )) as { captures: { id: string; quote?: string; prices?: unknown[] }[] };
    expect(ctx.server.pageCaptureQueries).toEqual([`${URL_}#specs`]);
    // The teammate's newer prices are what the page is compared with; mine keeps its quote.
    expect(hello.captures).toEqual([
      {
        id: teammate.id,
        capturedAt: teammate.capturedAt,
        selectors: [],
        elementSelector: "#summary",
        text: "Mua ngay",
        prices: teammate.prices,
      },
      expect.objectContaining({ id: mine.id, quote: "pin 50 giờ" }),
    ]);
    expect(hello.captures[1]?.prices).toBeUndefined();
    // Offline: this person's captures alone, no error.
    ctx.server.offline = true;
    const offline = (await ctx.browser.send(
      { type: "page.hello", url: `${URL_}#again` },
      contentSender(ctx.tab),
    )) as { captures: { id: string; prices?: unknown[] }[] };
    expect(offline.captures).toEqual([expect.objectContaining({ id: mine.id, prices })]);
  });

  it("re-anchoring: serves earlier captures of the page and records a detected change", async () => {
    await pair(ctx);
    await settle(ctx);
    ctx.browser.scriptable.add(ctx.tab.id);
    const r = (await ask<CaptureResult>(ctx, { type: "capture.start", kind: "selection" })) as {
      id: string;
    };
    const hello = (await ctx.browser.send(
      { type: "page.hello", url: `${URL_}#specs` },
      contentSender(ctx.tab),
    )) as { captures: { id: string; quote?: string; prices?: unknown[] }[] };
    expect(hello.captures).toEqual([
      expect.objectContaining({ id: r.id, quote: "pin 50 giờ", prices }),
    ]);
    const report: PageReport = {
      url: URL_,
      found: [],
      notFound: [r.id],
      changes: [
        {
          key: `${r.id}:price:0`,
          observationId: r.id,
          kind: "price",
          before: "1.290.000 ₫",
          after: "1.190.000 ₫",
        },
      ],
      facts: {
        title: "Tai nghe Sony",
        prices: [{ ...prices[0], amount: 1190000, raw: "1190000" }] as never,
      },
    };
    await ctx.browser.send({ type: "page.report", report }, contentSender(ctx.tab));
    const state = await ask<{ report: PageReport }>(ctx, { type: "page.state", tabId: ctx.tab.id });
    expect(state.report.notFound).toEqual([r.id]);
    expect(state.report.changes).toHaveLength(1);
    const recorded = await ask<{ ok: boolean; id: string }>(ctx, {
      type: "change.record",
      key: `${r.id}:price:0`,
      tabId: ctx.tab.id,
    });
    expect(recorded.ok).toBe(true);
    // Recorded changes are not offered again, and the new capture is the price baseline.
    expect(
      (await ask<{ report: PageReport }>(ctx, { type: "page.state", tabId: ctx.tab.id })).report
        .changes,
    ).toEqual([]);
    const again = (await ctx.browser.send(
      { type: "page.hello", url: URL_ },
      contentSender(ctx.tab),
    )) as { captures: { id: string; prices?: { amount: number }[] }[] };
    expect(again.captures.find((c) => c.prices)?.id).toBe(recorded.id);
    await ctx.app.sync.syncNow();
    expect(ctx.server.observations.get(recorded.id)).toMatchObject({
      what: "Price changed: 1.290.000 ₫ → 1.190.000 ₫",
      needs: ["price"],
    });
  });
});
