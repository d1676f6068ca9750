import { describe, expect, it } from "vitest";
import { hashPin, isValidPin, verifyPin } from "./pin.ts";
import { createPinThrottle } from "./pin-throttle.ts";

describe("staff PIN", () => {
  it("accepts 4 to 8 digits only", () => {
    expect(["1234", "12345678"].every(isValidPin)).toBe(true);
    expect(["123", "123456789", "12a4", " 1234", ""].some(isValidPin)).toBe(false);
  });

  it("stores a salted hash, never the PIN", async () => {
    const a = await hashPin("2468", 1000);
    const b = await hashPin("2468", 1000);
    expect(JSON.stringify(a)).not.toContain("2468");
    expect(a.salt).not.toBe(b.salt);
    expect(a.hash).not.toBe(b.hash);
    expect(a).toMatchObject({ algorithm: "PBKDF2-SHA-256", iterations: 1000 });
  });

  it("verifies the right PIN and rejects others", async () => {
    const record = await hashPin("2468", 1000);
    expect(await verifyPin("2468", record)).toBe(true);
    expect(await verifyPin("2469", record)).toBe(false);
    expect(await verifyPin("24680", record)).toBe(false);
    expect(await verifyPin("abcd", record)).toBe(false);
  });

  it("refuses to hash an invalid PIN", async () => {
    await expect(hashPin("12")).rejects.toThrow(/4 to 8 digits/);
  });
});

describe("PIN throttle", () => {
  it("locks after five failures in a row, for 30 s", () => {
    const t = createPinThrottle();
    for (let i = 0; i < 4; i++) t.failed(1000);
    expect(t.lockedFor(1000)).toBe(0);
    t.failed(1000);
    expect(t.lockedFor(1000)).toBe(30_000);
    expect(t.lockedFor(31_000)).toBe(0);
  });

  it("clears the count on success", () => {
    const t = createPinThrottle(2, 10_000);
    t.failed(0);
    t.succeeded();
    t.failed(0);
    expect(t.lockedFor(0)).toBe(0);
  });
});
