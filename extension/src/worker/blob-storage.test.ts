import "fake-indexeddb/auto";
import { describe, expect, it } from "vitest";
import { openBlobStorage } from "./blob-storage.ts";
import { sha256Hex } from "./sha256.ts";

describe("blob storage", () => {
  it("stores content-addressed, idempotently, and tracks upload state", async () => {
    const blobs = await openBlobStorage("blob-storage-test");
    const bytes = new TextEncoder().encode("hello");
    const sha = await blobs.put(bytes, "image/png", 1);
    expect(sha).toBe("2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824");
    expect(await blobs.put(bytes, "image/png", 2)).toBe(sha);
    expect(await blobs.countPending()).toBe(1);
    const stored = await blobs.get(sha);
    expect(stored?.size).toBe(5);
    expect(await sha256Hex(stored?.bytes as ArrayBuffer)).toBe(sha);
    await blobs.mark(sha, "uploaded");
    expect(await blobs.countPending()).toBe(0);
    // Storing it again after upload keeps it uploaded (no second PUT).
    await blobs.put(bytes, "image/png", 3);
    expect((await blobs.get(sha))?.state).toBe("uploaded");
    await blobs.clear();
    expect(await blobs.get(sha)).toBeUndefined();
    blobs.close();
  });

  it("stores a view's bytes, not its whole underlying buffer", async () => {
    const blobs = await openBlobStorage("blob-storage-test-2");
    const buffer = new Uint8Array([1, 2, 3, 4, 5, 6]);
    const sha = await blobs.put(buffer.subarray(2, 4), "image/png", 1);
    expect(new Uint8Array((await blobs.get(sha))?.bytes as ArrayBuffer)).toEqual(
      new Uint8Array([3, 4]),
    );
    blobs.close();
  });
});
