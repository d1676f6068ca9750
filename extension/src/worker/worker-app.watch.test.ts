// Watched elements through the whole worker on fakes: the worker fetches the
// granted page itself (the compare step is a stand-in here; the DOM one is
// tested in capture/watch-compare.test.ts) and the alarm runs the checks.
import { beforeEach, describe, expect, it, vi } from "vitest";
import {
  ask,
  type Ctx,
  pair,
  settle,
  setup,
  submitElement,
  URL_,
} from "../../test/support/worker-on-fakes.ts";
import { WATCH_ALARM, WATCH_PERIOD_MINUTES } from "./watch-service.ts";

describe("worker", () => {
  let ctx: Ctx;
  beforeEach(async () => {
    ctx = await setup();
  });

  it("a watched element: the worker fetches the granted page, and one change becomes one observation on the server", async () => {
    await pair(ctx);
    await settle(ctx);
    ctx.browser.scriptable.add(ctx.tab.id);
    await ask(ctx, { type: "capture.start", kind: "element" });
    const element = {
      selector: "#p",
      text: "1.290.000₫",
      box: { x: 5, y: 6, width: 120, height: 30 },
    };
    const captured = (await submitElement(ctx, element)) as { id: string };
    const added = await ask<{ ok: boolean; watch: { id: string; problem: string | null } }>(ctx, {
      type: "watch.add",
      observationId: captured.id,
    });
    // No access to the shop yet: said at once, and checking sends no request.
    expect(added).toMatchObject({ ok: true, watch: { problem: "no-permission" } });
    ctx.shop.set(URL_, '<html><body><b id="p">1.190.000₫</b></body></html>');
    ctx.browser.granted.add("https://dienmayxanhla.vn/*");
    const ui = ctx.browser.connectUi();
    const checked = await ask<{
      items: { changes: number; value: string; problem: string | null }[];
    }>(ctx, { type: "watch.check", id: added.watch.id });
    expect(checked.items[0]).toMatchObject({ changes: 1, value: "1.190.000₫", problem: null });
    expect(ui.events).toContainEqual({ type: "ui.watches" });
    await ctx.app.sync.syncNow();
    const recorded = [...ctx.server.observations.values()].filter((o) =>
      String((o as { what?: string }).what).includes("1.190.000₫"),
    );
    expect(recorded).toHaveLength(1);
    expect(recorded[0]).toMatchObject({
      channel: "web",
      method: "competitor-audit",
      what: "Price changed: 1.290.000₫ → 1.190.000₫",
      who: "ĐiệnMáyXanhLá",
      competitorId: "c1",
      url: URL_,
      needs: ["price"],
      note: expect.stringContaining("Found by Sightline re-checking a watched page."),
    });
    // Listed as watched, and removing the watch keeps the recorded observation.
    expect((await ask<{ items: unknown[] }>(ctx, { type: "watch.list" })).items).toHaveLength(1);
    await ask(ctx, { type: "watch.remove", id: added.watch.id });
    expect((await ask<{ items: unknown[] }>(ctx, { type: "watch.list" })).items).toEqual([]);
    expect(ctx.server.observations.size).toBeGreaterThanOrEqual(2);
  });

  it("the watch alarm is created every minute, and firing it runs the watch service's tick", async () => {
    expect(ctx.browser.alarmsCreated.get(WATCH_ALARM)).toBe(WATCH_PERIOD_MINUTES);
    await pair(ctx);
    await settle(ctx);
    const element = {
      selector: "#p",
      text: "1.290.000₫",
      box: { x: 5, y: 6, width: 120, height: 30 },
    };
    ctx.browser.scriptable.add(ctx.tab.id);
    await ask(ctx, { type: "capture.start", kind: "element" });
    const captured = (await submitElement(ctx, element)) as { id: string };
    ctx.browser.granted.add("https://dienmayxanhla.vn/*");
    await ask(ctx, { type: "watch.add", observationId: captured.id });
    ctx.shop.set(URL_, '<html><body><b id="p">1.190.000₫</b></body></html>');
    const tick = vi.spyOn(ctx.app.watches, "tick");
    // Another alarm is not the watch's.
    ctx.browser.fire.alarm("sync");
    expect(tick).not.toHaveBeenCalled();
    // An hour later the watch is due: the alarm checks it without anyone asking.
    ctx.clock.offsetMs = 61 * 60_000;
    ctx.browser.fire.alarm(WATCH_ALARM);
    expect(tick).toHaveBeenCalledTimes(1);
    await tick.mock.results[0]?.value;
    const items = (
      await ask<{ items: { changes: number; value: string }[] }>(ctx, { type: "watch.list" })
    ).items;
    expect(items).toEqual([expect.objectContaining({ changes: 1, value: "1.190.000₫" })]);
  });
});
