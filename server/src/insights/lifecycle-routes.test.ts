// Lifecycle over HTTP (issue 15): a journal edited, archived (out of the
// main list, still readable and exportable) and restored; insights and
// actions deleted with 204 and brought back by restore (the web app's undo);
// roles and workspaces. SQLite here; PostgreSQL through
// journals/routes.postgres.test.ts.
import {
  ActionSchema,
  InsightSchema,
  JournalListSchema,
  JournalPageSchema,
  JournalSchema,
} from "@sightline/shared";
import { afterEach, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/support/test-app.ts";

let t: TestApp;
afterEach(() => t?.close());

async function json(res: Response, status = 200) {
  const body = await res.json();
  expect(res.status, JSON.stringify(body)).toBe(status);
  return body;
}

async function world() {
  t = await createTestApp();
  const manager = await t.loginAs("manager");
  const { id } = await json(
    await t.request("/v1/journals", {
      method: "POST",
      token: manager.token,
      json: { title: "Vì sao khách rời đi?", question: "Giá?", goal: "Bán thêm" },
    }),
    201,
  );
  const { insight } = await json(
    await t.request(`/v1/journals/${id}/insights`, {
      method: "POST",
      token: manager.token,
      json: { statement: "Khách thấy giá cao", evidence: [] },
    }),
    201,
  );
  const { action } = await json(
    await t.request(`/v1/insights/${insight.id}/actions`, {
      method: "POST",
      token: manager.token,
      json: { title: "Niêm yết giá rõ", owner: "Lan" },
    }),
    201,
  );
  return {
    manager,
    journalId: id as string,
    insightId: insight.id as string,
    actionId: action.id as string,
  };
}

describe("journal lifecycle", () => {
  it("edits title, question, goal and scope; archives out of the main list and restores", async () => {
    const { manager, journalId } = await world();
    const edited = JournalSchema.parse(
      await json(
        await t.request(`/v1/journals/${journalId}`, {
          method: "PATCH",
          token: manager.token,
          json: {
            title: "Giá và chờ đợi",
            question: "Q",
            goal: "G",
            scope: { channels: ["store"] },
          },
        }),
      ),
    );
    expect(edited).toMatchObject({
      title: "Giá và chờ đợi",
      question: "Q",
      goal: "G",
      scope: { channels: ["store"] },
    });
    const archive = (archived: boolean) =>
      t.request(`/v1/journals/${journalId}`, {
        method: "PATCH",
        token: manager.token,
        json: { archived },
      });
    expect((await json(await archive(true))).archived).toBe(true);
    const list = async (q = "") =>
      JournalListSchema.parse(
        await json(await t.request(`/v1/journals${q}`, { token: manager.token })),
      ).items.map((j) => j.id);
    expect(await list()).toEqual([]);
    expect(await list("?archived=true")).toEqual([journalId]);
    // Still readable and exportable.
    const viewer = await t.loginAs("viewer");
    JournalPageSchema.parse(
      await json(await t.request(`/v1/journals/${journalId}`, { token: viewer.token })),
    );
    expect(
      (await t.request(`/v1/journals/${journalId}/export?format=md`, { token: viewer.token }))
        .status,
    ).toBe(200);
    expect(
      (await t.request(`/v1/journals/${journalId}/timeline`, { token: viewer.token })).status,
    ).toBe(200);
    // Viewers and marketers cannot archive.
    for (const who of [viewer, await t.loginAs("marketer")]) {
      expect(
        (
          await t.request(`/v1/journals/${journalId}`, {
            method: "PATCH",
            token: who.token,
            json: { archived: false },
          })
        ).status,
      ).toBe(403);
    }
    expect((await json(await archive(false))).archived).toBe(false);
    expect(await list()).toEqual([journalId]);
    expect(await list("?archived=true")).toEqual([]);
  });

  it("deletes an action (204) and restores it", async () => {
    const { manager, journalId, insightId, actionId } = await world();
    const del = await t.request(`/v1/actions/${actionId}`, {
      method: "DELETE",
      token: manager.token,
    });
    expect(del.status).toBe(204);
    expect(await del.text()).toBe("");
    const page = JournalPageSchema.parse(
      await json(await t.request(`/v1/journals/${journalId}`, { token: manager.token })),
    );
    expect(page.insights[0]?.actions).toEqual([]);
    expect(
      (
        await t.request(`/v1/actions/${actionId}`, {
          method: "PATCH",
          token: manager.token,
          json: { status: "done" },
        })
      ).status,
    ).toBe(404);
    expect(
      (await t.request(`/v1/actions/${actionId}`, { method: "DELETE", token: manager.token }))
        .status,
    ).toBe(404);
    const back = ActionSchema.parse(
      await json(
        await t.request(`/v1/actions/${actionId}/restore`, {
          method: "POST",
          token: manager.token,
        }),
      ),
    );
    expect(back).toMatchObject({ id: actionId, insightId, title: "Niêm yết giá rõ", owner: "Lan" });
    expect(
      (await t.request(`/v1/actions/${actionId}/restore`, { method: "POST", token: manager.token }))
        .status,
    ).toBe(404);
  });

  it("deletes an insight (204) with its actions and restores it whole", async () => {
    const { manager, journalId, insightId, actionId } = await world();
    expect(
      (await t.request(`/v1/insights/${insightId}`, { method: "DELETE", token: manager.token }))
        .status,
    ).toBe(204);
    const page = JournalPageSchema.parse(
      await json(await t.request(`/v1/journals/${journalId}`, { token: manager.token })),
    );
    expect(page.insights).toEqual([]);
    const list = JournalListSchema.parse(
      await json(await t.request("/v1/journals", { token: manager.token })),
    );
    expect(list.items[0]?.insightCount).toBe(0);
    expect(
      (
        await t.request(`/v1/insights/${insightId}`, {
          method: "PATCH",
          token: manager.token,
          json: { statement: "x" },
        })
      ).status,
    ).toBe(404);
    const md = await (
      await t.request(`/v1/journals/${journalId}/export?format=md`, { token: manager.token })
    ).text();
    expect(md).not.toContain("Khách thấy giá cao");
    // Its action cannot be restored on its own.
    expect(
      (await t.request(`/v1/actions/${actionId}/restore`, { method: "POST", token: manager.token }))
        .status,
    ).toBe(404);
    const back = InsightSchema.parse(
      await json(
        await t.request(`/v1/insights/${insightId}/restore`, {
          method: "POST",
          token: manager.token,
        }),
      ),
    );
    expect(back.statement).toBe("Khách thấy giá cao");
    expect(back.actions.map((a) => a.id)).toEqual([actionId]);
  });

  it("lets only admins and managers delete or restore, and only in their own workspace", async () => {
    const { insightId, actionId } = await world();
    for (const role of ["viewer", "marketer", "staff"] as const) {
      const who = await t.loginAs(role);
      for (const [method, path] of [
        ["DELETE", `/v1/insights/${insightId}`],
        ["POST", `/v1/insights/${insightId}/restore`],
        ["DELETE", `/v1/actions/${actionId}`],
        ["POST", `/v1/actions/${actionId}/restore`],
      ] as const) {
        expect(
          (await t.request(path, { method, token: who.token })).status,
          `${role} ${method} ${path}`,
        ).toBe(403);
      }
    }
    const other = await t.otherWorkspace();
    expect(
      (await t.request(`/v1/insights/${insightId}`, { method: "DELETE", token: other.adminToken }))
        .status,
    ).toBe(404);
    expect(
      (await t.request(`/v1/actions/${actionId}`, { method: "DELETE", token: other.adminToken }))
        .status,
    ).toBe(404);
  });
});
