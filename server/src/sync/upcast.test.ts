// The one upcast a push and an unsent-data import share: current mutations
// pass unchanged, a schema newer than the server is a 400, and a schema
// too old to upcast is a 426 (the client updates first).
import { CLIENT_SCHEMA_VERSION, type Mutation, uuidv7 } from "@sightline/shared";
import { describe, expect, it } from "vitest";
import { HttpProblem } from "../http/problem.ts";
import { upcastMutations } from "./upcast.ts";

const m: Mutation = {
  seq: 1,
  op: "obs.create",
  id: uuidv7(),
  hlc: "000000000000001-0000-device",
  fields: { channel: "web", what: "x" },
};

const statusOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return e instanceof HttpProblem ? e.status : e;
  }
  return "no error";
};

describe("upcastMutations", () => {
  it("passes mutations of the current client schema through unchanged", () => {
    expect(upcastMutations([m], CLIENT_SCHEMA_VERSION)).toEqual([m]);
  });

  it("refuses a client schema newer than the server's with 400", () => {
    expect(statusOf(() => upcastMutations([m], CLIENT_SCHEMA_VERSION + 1))).toBe(400);
  });

  it("answers 426 when no upcaster reaches the current schema", () => {
    expect(statusOf(() => upcastMutations([m], 0))).toBe(426);
  });
});
