import { describe, expect, it } from "vitest";
import type { ObservationView } from "../messages.ts";
import { createObservationService } from "./observation-service.ts";

const ME = "0190a000-0000-7000-8000-000000000001";
const TEAMMATE = "0190a000-0000-7000-8000-000000000002";

type Row = { id: string; createdBy: string; fields: Record<string, unknown> };

function service(rows: Row[]) {
  const entities = rows.map((r) => ({
    ...r,
    workspaceId: "ws",
    deletedHlc: null,
    restoredHlc: null,
  }));
  const session = {
    pairing: { deviceId: ME, workspaceId: "ws", serverUrl: "", token: "", role: "member" },
    storage: {
      entities: async () => entities,
      meta: async () => ({ ackedSeq: 0 }),
      outboxFrom: async () => [],
    },
  };
  return createObservationService({
    sync: { session: async () => session } as never,
    blobs: {} as never,
    settings: {} as never,
    context: {} as never,
    now: () => 0,
    changed: () => undefined,
  });
}

const ids = (items: ObservationView[]) => items.map((i) => i.id);

describe("observation list", () => {
  it("sorts by capture time as an instant, not as text (mixed offsets)", async () => {
    const s = service([
      // 03:00Z written in +07:00 sorts first as text, but is the oldest.
      {
        id: "a",
        createdBy: ME,
        fields: { channel: "web", capturedAt: "2026-12-03T10:00:00+07:00" },
      },
      { id: "b", createdBy: ME, fields: { channel: "web", capturedAt: "2026-12-03T04:00:00Z" } },
      {
        id: "c",
        createdBy: ME,
        fields: { channel: "event", capturedAt: "2026-12-03T03:30:00.000Z" },
      },
      { id: "d", createdBy: ME, fields: { channel: "web" } },
    ]);
    expect(ids(await s.list({}))).toEqual(["b", "c", "a", "d"]);
  });

  it("Recent (mine) lists this person's web and event captures, from any of their browsers", async () => {
    const at = "2026-12-03T04:00:00Z";
    // The mirror holds this person's rows only (server scope); a second browser
    // of theirs has another device id.
    const s = service([
      { id: "web", createdBy: ME, fields: { channel: "web", capturedAt: at } },
      { id: "event", createdBy: ME, fields: { channel: "event", capturedAt: at } },
      { id: "store", createdBy: ME, fields: { channel: "store", capturedAt: at } },
      { id: "other-browser", createdBy: TEAMMATE, fields: { channel: "web", capturedAt: at } },
    ]);
    expect(ids(await s.list({ mine: true })).sort()).toEqual(["event", "other-browser", "web"]);
    expect(ids(await s.list({})).sort()).toEqual(["event", "other-browser", "store", "web"]);
  });
});
