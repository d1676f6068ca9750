// The observation cursor: what one adapter encodes the other decodes, and
// anything else reads as "from the start".
import type { Entity } from "@sightline/shared";
import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor, keysetPage } from "./cursor.ts";

describe("observation cursor", () => {
  it("round-trips the keyset of the last row", () => {
    expect(decodeCursor(encodeCursor([1_700_000_000_000, "obs-1"]))).toEqual([
      1_700_000_000_000,
      "obs-1",
    ]);
  });

  it("reads no cursor, garbage and foreign JSON as none", () => {
    for (const s of [undefined, "", "%%%", Buffer.from('{"a":1}').toString("base64url")])
      expect(decodeCursor(s)).toBeNull();
  });

  it("pages rows fetched with limit + 1 and points after the last one kept", () => {
    const rows = [
      { id: "a", captured_ms: 3 },
      { id: "b", captured_ms: null },
      { id: "c", captured_ms: 1 },
    ];
    const toEntity = (r: { id: string }) => ({ id: r.id }) as Entity;
    const full = keysetPage(rows, 2, toEntity);
    expect(full.items.map((e) => e.id)).toEqual(["a", "b"]);
    expect(decodeCursor(full.nextCursor ?? undefined)).toEqual([0, "b"]);
    expect(keysetPage(rows, 3, toEntity).nextCursor).toBeNull();
  });
});
