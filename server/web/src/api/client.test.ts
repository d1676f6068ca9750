import { describe, expect, it, vi } from "vitest";
import { createApi, listOf } from "./client.ts";
import { ApiError } from "./problem.ts";

const journal = {
  id: "j1",
  title: "T",
  question: "Q",
  goal: "G",
  scope: {},
  archived: false,
  createdBy: "u1",
  createdAt: "2026-03-01T00:00:00Z",
  updatedAt: "2026-03-01T00:00:00Z",
};

const respond = (status: number, body: unknown, type = "application/json") =>
  vi.fn(
    async () =>
      new Response(typeof body === "string" ? body : JSON.stringify(body), {
        status,
        headers: { "content-type": type },
      }),
  );

describe("api client", () => {
  it("reads every page of the journals and devices (the server answers at most 200 at a time)", async () => {
    const journalPages: Record<string, unknown> = {
      "": { items: [{ ...journal, observationCount: 1, insightCount: 0 }], nextCursor: "c1" },
      c1: {
        items: [{ ...journal, id: "j2", observationCount: 2, insightCount: 1 }],
        nextCursor: null,
      },
    };
    const devicePages: Record<string, unknown> = {
      "": { items: [{ id: "d1", kind: "kiosk", role: "staff" }], nextCursor: "x" },
      x: { items: [{ id: "d2", kind: "extension", role: "marketer" }], nextCursor: null },
    };
    const urls: string[] = [];
    const fetch = vi.fn(async (input: RequestInfo | URL) => {
      const url = String(input);
      urls.push(url);
      const u = new URL(url, "http://x");
      const pages = u.pathname === "/v1/devices" ? devicePages : journalPages;
      return new Response(JSON.stringify(pages[u.searchParams.get("cursor") ?? ""]), {
        status: 200,
        headers: { "content-type": "application/json" },
      });
    });
    const api = createApi({ fetch });
    expect((await api.journals({ archived: true })).items.map((j) => j.id)).toEqual(["j1", "j2"]);
    expect((await api.devices()).items.map((d) => d.id)).toEqual(["d1", "d2"]);
    expect(urls).toEqual([
      "/v1/journals?archived=true&limit=200",
      "/v1/journals?archived=true&limit=200&cursor=c1",
      "/v1/devices?limit=200",
      "/v1/devices?limit=200&cursor=x",
    ]);
  });

  it("sends JSON with the session cookie", async () => {
    const fetch = respond(201, { id: "j1", journal });
    const api = createApi({ fetch });
    await expect(
      api.createJournal({ title: "T", question: "Q", goal: "G", scope: {} }),
    ).resolves.toEqual({ id: "j1", journal });
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe("/v1/journals");
    expect(init.method).toBe("POST");
    expect(init.credentials).toBe("include");
    expect(JSON.parse(String(init.body))).toEqual({
      title: "T",
      question: "Q",
      goal: "G",
      scope: {},
    });
  });

  it("turns problem+json into an ApiError with field errors", async () => {
    const api = createApi({
      fetch: respond(
        422,
        {
          type: "about:blank",
          title: "Invalid body",
          status: 422,
          detail: "2 problems",
          errors: [{ path: ["scope", "from"], message: "bad date" }],
        },
        "application/problem+json",
      ),
    });
    const e = await api.journals().catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ApiError);
    expect(e).toMatchObject({
      status: 422,
      title: "Invalid body",
      detail: "2 problems",
      errors: [{ path: "scope.from", message: "bad date" }],
    });
  });

  it("reports 401 as signed out and network failures as status 0", async () => {
    const onUnauthorized = vi.fn();
    await createApi({ fetch: respond(401, { title: "Unauthorized" }), onUnauthorized })
      .journals()
      .catch(() => {});
    expect(onUnauthorized).toHaveBeenCalledOnce();
    const e = await createApi({
      fetch: vi.fn(async () => Promise.reject(new TypeError("offline"))),
    })
      .journals()
      .catch((x: unknown) => x);
    expect(e).toMatchObject({ status: 0, isNetwork: true });
  });

  it("reads lists bare or wrapped", () => {
    expect(listOf([1, 2])).toEqual([1, 2]);
    expect(listOf({ items: [3] })).toEqual([3]);
    expect(listOf(undefined)).toEqual([]);
  });

  it("returns the answer as its schema reads it: the journal list with its counts", async () => {
    const api = createApi({
      fetch: respond(200, { items: [{ ...journal, observationCount: 18, insightCount: 2 }] }),
    });
    const list = await api.journals();
    expect(list.items[0]).toMatchObject({ id: "j1", observationCount: 18, insightCount: 2 });
  });

  it("rejects an answer that does not match its schema as an ApiError, never a cast", async () => {
    const api = createApi({
      fetch: respond(200, {
        items: [{ ...journal, title: 42, observationCount: 1, insightCount: 0 }],
      }),
    });
    const e = await api.journals().catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ApiError);
    expect(e).toMatchObject({
      status: 200,
      title: "GET /v1/journals",
      errors: [expect.objectContaining({ path: "items.0.title" })],
    });
    expect((e as ApiError).isUnexpected).toBe(true);
  });
});
