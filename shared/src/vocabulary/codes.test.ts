import { describe, expect, it } from "vitest";
import { CHANNEL_CODES, CHANNELS } from "./channels.ts";
import { METHOD_CODES, METHODS } from "./methods.ts";
import { NEED_CODES, NEEDS } from "./needs.ts";

describe("vocabulary codes", () => {
  it("list every labelled code once, in label order", () => {
    expect(NEED_CODES).toEqual(Object.keys(NEEDS));
    expect(METHOD_CODES).toEqual(Object.keys(METHODS));
    expect(CHANNEL_CODES).toEqual(Object.keys(CHANNELS));
  });
});
