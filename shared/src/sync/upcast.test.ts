// The upcaster seam: steps chain from any older schema to the target, a
// missing step is an error naming the schema, and the shipped upcaster is
// the identity at the current schema.
import { describe, expect, it } from "vitest";
import type { Mutation } from "./messages/mutation.ts";
import { CLIENT_SCHEMA_VERSION } from "./messages/protocol.ts";
import { createUpcaster, UPCASTERS, upcastMutation } from "./upcast.ts";

const m: Mutation = {
  seq: 1,
  op: "obs.patch",
  id: "0190aaaa-0000-7000-8000-000000000001",
  hlc: "000001732406400000-0000-dev",
  fields: { note: "a" },
};
const append = (s: string) => (x: Mutation) => ({
  ...x,
  fields: { ...x.fields, note: `${x.fields?.note}${s}` },
});

describe("upcast", () => {
  it("chains steps from the given schema to the target, in order", () => {
    const up = createUpcaster({ 0: append("0"), 1: append("1"), 2: append("2") }, 3);
    expect(up(m, 0).fields).toEqual({ note: "a012" });
    expect(up(m, 2).fields).toEqual({ note: "a2" });
    expect(up(m, 3)).toBe(m);
  });

  it("throws, naming the schema, when a step is missing", () => {
    const up = createUpcaster({ 1: append("1") }, 2);
    expect(() => up(m, 0)).toThrow("no upcaster from client schema 0");
  });

  it("ships no steps while schema 1 is the only one, and leaves current mutations alone", () => {
    expect(CLIENT_SCHEMA_VERSION).toBe(1);
    expect(UPCASTERS).toEqual({});
    expect(upcastMutation(m, CLIENT_SCHEMA_VERSION)).toBe(m);
    expect(() => upcastMutation(m, 0)).toThrow("client schema 0");
  });
});
