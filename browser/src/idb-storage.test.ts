import "fake-indexeddb/auto";
import { describeSyncStorageContract } from "@sightline/shared/test/support/sync-storage.contract";
import { describe, expect, it } from "vitest";
import { openIdbStorage } from "./idb-storage.ts";

let n = 0;
describeSyncStorageContract("idb (fake-indexeddb)", () => openIdbStorage(`contract-${n++}`));

describe("idb storage across a reopen", () => {
  it("keeps which store holds the mirror after a reset swapped it", async () => {
    const name = "reopen-after-swap";
    const first = await openIdbStorage(name);
    await first.init("dev-1", "ws");
    await first.applyPull(
      {
        cookie: { epoch: "e1", v: 1 },
        reset: true,
        hasMore: false,
        lastSeq: 0,
        serverTime: new Date(0).toISOString(),
        changes: [
          {
            op: "put",
            entity: {
              id: "x",
              workspaceId: "ws",
              createdBy: "other",
              fields: { what: "kept" },
              fieldHlc: { what: "000000000000010-0000-other" },
              deletedHlc: null,
              restoredHlc: null,
              version: 1,
            },
          },
        ],
      },
      1,
    );
    first.close();
    const again = await openIdbStorage(name);
    expect((await again.entities()).map((e) => e.id)).toEqual(["x"]);
    expect((await again.entity("x"))?.fields.what).toBe("kept");
    again.close();
  });
});
