import * as shared from "@sightline/shared";
import { describe, expect, it } from "vitest";
import { AGE_BANDS, PARTIES, TIMEOUT_REASON } from "./segments.ts";

describe("segment lists", () => {
  it("equal the shared schema's", () => {
    expect(AGE_BANDS).toEqual(shared.AGE_BANDS);
    expect(PARTIES).toEqual(shared.PARTIES);
    expect(TIMEOUT_REASON).toBe(shared.TIMEOUT_REASON);
  });
});
