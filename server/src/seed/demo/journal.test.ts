// The demo opens on a useful journal: it exists once, spans every channel,
// and its first suggestion is the cross-channel price story.
import { describe, expect, it } from "vitest";
import { createTestApp } from "../../../test/support/test-app.ts";
import { seedDemo } from "./index.ts";
import { DEMO_JOURNAL } from "./journal.ts";

describe("demo journal", () => {
  it("is created once and suggests the cross-channel price insight first, in vi and en", async () => {
    const t = await createTestApp();
    await seedDemo(t.db, t.workspaceId, t.admin.userId);
    await seedDemo(t.db, t.workspaceId, t.admin.userId);
    const list = await (await t.request("/v1/journals", { token: t.admin.token })).json();
    const demo = list.items.filter((j: { title: string }) => j.title === DEMO_JOURNAL.title);
    expect(demo).toHaveLength(1);
    const page = await (
      await t.request(`/v1/journals/${demo[0].id}`, { token: t.admin.token })
    ).json();
    expect(Object.keys(page.stats.byChannel).sort()).toEqual(["event", "feedback", "store", "web"]);
    for (const lang of ["vi", "en"]) {
      const s = await (
        await t.request(`/v1/journals/${demo[0].id}/suggestions?lang=${lang}`, {
          token: t.admin.token,
        })
      ).json();
      const first = s.suggestions[0];
      expect(first.channels.length).toBeGreaterThanOrEqual(2);
      expect(first.needs).toContain("price");
      expect(s.timeLinks.length).toBeGreaterThan(0);
    }
    await t.close();
  });

  it("tells the same story whatever the hour it is seeded at", async () => {
    const firstAt = async (now: Date) => {
      const t = await createTestApp();
      await seedDemo(t.db, t.workspaceId, t.admin.userId, now);
      const list = await (await t.request("/v1/journals", { token: t.admin.token })).json();
      const s = await (
        await t.request(`/v1/journals/${list.items[0].id}/suggestions?lang=en`, {
          token: t.admin.token,
        })
      ).json();
      await t.close();
      return s.suggestions.map((x: { title: string }) => x.title);
    };
    // Morning and late evening in Vietnam (UTC+7), the same local day.
    const morning = await firstAt(new Date("2026-12-03T01:30:00Z"));
    expect(await firstAt(new Date("2026-12-03T15:40:00Z"))).toEqual(morning);
  });
});
