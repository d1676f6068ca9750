import { describe, expect, it } from "vitest";
import { uuidv7 } from "./ids.ts";
import { UuidSchema } from "./schema/text.ts";

describe("uuidv7", () => {
  it("is a valid, version-7, time-ordered UUID", () => {
    const a = uuidv7(1_700_000_000_000);
    const b = uuidv7(1_700_000_000_001);
    expect(UuidSchema.safeParse(a).success).toBe(true);
    expect(a[14]).toBe("7");
    expect("89ab").toContain(a[19]);
    expect(a < b).toBe(true);
    expect(a.slice(0, 13).replace("-", "")).toBe(
      (1_700_000_000_000).toString(16).padStart(12, "0"),
    );
  });
  it("does not collide", () => {
    const ids = new Set(Array.from({ length: 10_000 }, () => uuidv7(5)));
    expect(ids.size).toBe(10_000);
  });
});
