// The weekly digest's facts through the real app on SQLite, with a clock:
// only the owner's live journals; observations of the week by channel;
// insights new this week, changed this week (made before it), overdue
// actions (due before the day the week ends, not done or dropped); open
// alerts; and the text says those numbers in each language.
import { afterEach, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/support/test-app.ts";
import { digestEmail, gatherDigest } from "./weekly.ts";

let t: TestApp;
afterEach(() => t?.close());

let clock = Date.parse("2026-03-01T09:00:00.000Z");

describe("weekly digest", () => {
  it("counts what changed in the owner's journals during the week", async () => {
    t = await createTestApp({ now: () => new Date(clock) });
    const owner = await t.loginAs("manager");
    const other = await t.loginAs("manager");
    const req = (token: string, path: string, method: string, json?: unknown) =>
      t.request(path, { method, token, ...(json === undefined ? {} : { json }) });
    const journal = async (token: string, title: string) => {
      const r = await req(token, "/v1/journals", "POST", {
        title,
        question: "?",
        goal: "",
        scope: {},
      });
      return (await r.json()).journal as { id: string };
    };
    const mine = await journal(owner.token, "Giá và đối thủ");
    await journal(other.token, "Not mine");
    const insight = async (statement: string) =>
      (
        await (
          await req(owner.token, `/v1/journals/${mine.id}/insights`, "POST", {
            statement,
            evidence: [],
          })
        ).json()
      ).id as string;

    // Before the week: one insight (changed later) and one left alone.
    const old = await insight("Khách so giá trên điện thoại");
    await insight("Không đổi");
    clock = Date.parse("2026-03-06T09:00:00.000Z"); // inside the week of 2–9 March
    await req(owner.token, `/v1/insights/${old}`, "PATCH", {
      statement: "Khách so giá trên điện thoại trước khi mua",
    });
    const fresh = await insight("Khách hỏi khuyến mãi");
    await req(owner.token, `/v1/insights/${fresh}/actions`, "POST", {
      title: "In bảng giá",
      due: "2026-03-05",
    });
    await req(owner.token, `/v1/insights/${fresh}/actions`, "POST", {
      title: "Sau này",
      due: "2026-04-01",
    });
    const done = await (
      await req(owner.token, `/v1/insights/${fresh}/actions`, "POST", {
        title: "Xong rồi",
        due: "2026-03-03",
      })
    ).json();
    await req(owner.token, `/v1/actions/${done.action?.id ?? done.id}`, "PATCH", {
      status: "done",
    });

    const facts = await gatherDigest(t.deps.db, {
      workspaceId: t.workspaceId,
      ownerId: owner.userId,
      fromIso: "2026-03-02T01:00:00.000Z",
      toIso: "2026-03-09T01:00:00.000Z",
    });
    expect(facts.journals).toHaveLength(1);
    expect(facts.journals[0]).toMatchObject({
      title: "Giá và đối thủ",
      insightsNew: 1,
      insightsChanged: 1,
      overdue: [{ title: "In bảng giá", due: "2026-03-05" }],
    });
    expect(facts.openAlerts).toBe(0);
    const en = digestEmail(facts, {
      locale: "en",
      fromIso: "2026-03-02T01:00:00.000Z",
      toIso: "2026-03-09T01:00:00.000Z",
    });
    // The week covered ends at Monday 01:00 UTC: its last day is Sunday the 8th, not Monday the 9th.
    expect(en.subject).toBe("[Sightline] Your week, 02 Mar 2026 – 08 Mar 2026");
    expect(en.text).toContain("from 02 Mar 2026 to 08 Mar 2026.");
    expect(en.text).not.toContain("09 Mar");
    expect(en.text).toContain("1 new insight\n");
    expect(en.text).toContain("1 insight changed");
    expect(en.text).toContain("1 overdue action");
    expect(en.text).toContain("In bảng giá — due 05 Mar 2026");
    const vi = digestEmail(facts, {
      locale: "vi",
      fromIso: "2026-03-02T01:00:00.000Z",
      toIso: "2026-03-09T01:00:00.000Z",
    });
    expect(vi.subject).toBe("[Sightline] Tóm tắt tuần 02/03/2026 – 08/03/2026");
    // In the workspace's zone: Vietnam (UTC+7) reads the same days; New York
    // (Monday 01:00 UTC is Sunday evening there) reads Sunday 1 – Saturday 7.
    const week = { fromIso: "2026-03-02T01:00:00.000Z", toIso: "2026-03-09T01:00:00.000Z" };
    expect(
      digestEmail(facts, { ...week, locale: "vi", timeZone: "Asia/Ho_Chi_Minh" }).subject,
    ).toBe("[Sightline] Tóm tắt tuần 02/03/2026 – 08/03/2026");
    expect(
      digestEmail(facts, { ...week, locale: "en", timeZone: "America/New_York" }).subject,
    ).toBe("[Sightline] Your week, 01 Mar 2026 – 07 Mar 2026");
    // A week that ends exactly at local midnight still ends on the day before.
    expect(
      digestEmail(facts, {
        locale: "en",
        fromIso: "2026-03-01T17:00:00.000Z",
        toIso: "2026-03-08T17:00:00.000Z",
        timeZone: "Asia/Ho_Chi_Minh",
      }).subject,
    ).toBe("[Sightline] Your week, 02 Mar 2026 – 08 Mar 2026");
    expect(vi.text).toContain("1 việc cần làm đã quá hạn");
    expect(vi.html).toContain("Giá và đối thủ");
  });
});
