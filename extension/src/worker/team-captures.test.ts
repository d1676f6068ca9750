// Teammates' captures of a page, asked of the server when a page is revisited
// (GET /v1/pages/captures) and merged into the captures the content script
// compares the page with.
import type { Entity, PageCapture } from "@sightline/shared";
import { describe, expect, it } from "vitest";
import { capturesOfPage } from "./earlier-captures.ts";
import { createTeamCaptures } from "./team-captures.ts";

const PAGE = "https://nhaxanh.example.vn/dien-thoai/aurora-x5";
const price = (amount: number) => ({
  amount,
  currency: "VND",
  source: "text" as const,
  raw: `${amount}₫`,
  selector: "p.price",
  role: "current" as const,
});

function entity(id: string, capturedAt: string, evidence: Record<string, unknown>): Entity {
  return {
    id,
    workspaceId: "w",
    createdBy: "me",
    fields: { channel: "web", url: PAGE, capturedAt, what: "x", evidence },
    fieldHlc: {},
    deletedHlc: null,
    restoredHlc: null,
    version: 1,
  } as unknown as Entity;
}

describe("capturesOfPage with teammates' captures", () => {
  const mine = entity("mine", "2026-03-01T09:00:00+07:00", {
    quote: "pin 50 giờ",
    facts: { prices: [price(9490000)] },
  });

  it("a teammate's newer prices are the baseline; their element is compared too", () => {
    const team: PageCapture[] = [
      {
        id: "theirs",
        capturedAt: "2026-03-03T09:00:00+07:00",
        prices: [price(8990000)],
        element: { selector: "#summary", text: "Mua ngay" },
      },
    ];
    expect(capturesOfPage([mine], { url: PAGE }, team)).toEqual([
      {
        id: "theirs",
        capturedAt: "2026-03-03T09:00:00+07:00",
        selectors: [],
        elementSelector: "#summary",
        text: "Mua ngay",
        prices: [price(8990000)],
      },
      { id: "mine", capturedAt: "2026-03-01T09:00:00+07:00", selectors: [], quote: "pin 50 giờ" },
    ]);
  });

  it("an older teammate capture leaves my newer prices the baseline; my own capture sent back is mine", () => {
    const team: PageCapture[] = [
      { id: "mine", capturedAt: "2026-03-01T09:00:00+07:00", prices: [price(9490000)] },
      { id: "old", capturedAt: "2026-02-01T09:00:00+07:00", prices: [price(9990000)] },
    ];
    const out = capturesOfPage([mine], { url: PAGE }, team);
    expect(out.map((c) => [c.id, c.prices?.[0]?.amount])).toEqual([
      ["mine", 9490000],
      ["old", undefined],
    ]);
    expect(out[0]?.quote).toBe("pin 50 giờ");
  });
});

describe("createTeamCaptures", () => {
  const answer = {
    captures: [
      {
        id: "0190a000-0000-7000-8000-000000000001",
        capturedAt: "2026-03-03T09:00:00+07:00",
        prices: [price(8990000)],
      },
    ],
  };

  it("asks the server once a minute per page with the device token, and parses the answer", async () => {
    const asked: { url: string; auth: string | null }[] = [];
    let now = 0;
    const team = createTeamCaptures({
      fetch: async (input, init) => {
        asked.push({ url: String(input), auth: new Headers(init?.headers).get("authorization") });
        return Response.json(answer);
      },
      server: async () => ({ baseUrl: "https://s.example.vn", token: "tok" }),
      now: () => now,
    });
    expect(await team({ url: `${PAGE}#specs`, canonicalUrl: PAGE })).toEqual(answer.captures);
    expect(await team({ url: `${PAGE}#specs`, canonicalUrl: PAGE })).toEqual(answer.captures);
    expect(asked).toEqual([
      {
        url: `https://s.example.vn/v1/pages/captures?url=${encodeURIComponent(`${PAGE}#specs`)}&canonicalUrl=${encodeURIComponent(PAGE)}`,
        auth: "Bearer tok",
      },
    ]);
    now = 61_000;
    await team({ url: `${PAGE}#specs`, canonicalUrl: PAGE });
    expect(asked).toHaveLength(2);
  });

  it("offline, unpaired, an older server or a malformed answer: no teammates' captures, no error", async () => {
    const server = async () => ({ baseUrl: "https://s.example.vn", token: "tok" });
    const now = () => 0;
    const offline = createTeamCaptures({
      fetch: async () => Promise.reject(new TypeError("network")),
      server,
      now,
    });
    expect(await offline({ url: PAGE })).toEqual([]);
    const unpaired = createTeamCaptures({
      fetch: async () => Response.json(answer),
      server: async () => null,
      now,
    });
    expect(await unpaired({ url: PAGE })).toEqual([]);
    const old = createTeamCaptures({
      fetch: async () => new Response("", { status: 404 }),
      server,
      now,
    });
    expect(await old({ url: PAGE })).toEqual([]);
    const bad = createTeamCaptures({
      fetch: async () => Response.json({ captures: [{ id: 1 }] }),
      server,
      now,
    });
    expect(await bad({ url: PAGE })).toEqual([]);
    const notWeb = createTeamCaptures({ fetch: async () => Response.json(answer), server, now });
    expect(await notWeb({ url: "file:///tmp/x.html" })).toEqual([]);
  });
});
