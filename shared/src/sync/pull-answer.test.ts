import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ChangeSchema, PullResponseSchema } from "./messages/pull.ts";
import { isPlainChange, parsePullAnswer } from "./pull-answer.ts";

const id = fc.stringMatching(/^[0-9A-Za-z_-]{1,64}$/);
const hlc = fc
  .tuple(fc.nat({ max: 10 ** 12 }), fc.nat({ max: 36 ** 4 - 1 }), id)
  .map(
    ([ms, n, node]) => `${String(ms).padStart(15, "0")}-${n.toString(36).padStart(4, "0")}-${node}`,
  );
// `__proto__` is the one key the fast check leaves to the schema (see the last test).
const key = fc.string().filter((k) => k !== "__proto__");
const entity = fc.record({
  id,
  workspaceId: id,
  createdBy: id,
  fields: fc.dictionary(key, fc.jsonValue()),
  fieldHlc: fc.dictionary(key, hlc),
  deletedHlc: fc.option(hlc, { nil: null }),
  restoredHlc: fc.option(hlc, { nil: null }),
  version: fc.nat(),
});
const valid = fc.oneof(
  fc.record({ op: fc.constant("put"), entity }),
  fc.record({ op: fc.constant("del"), id, deletedHlc: hlc, version: fc.integer() }),
);

/** Break a valid change somewhere: a key replaced, removed or added, at the top or in the entity. */
const broken = fc
  .tuple(
    valid,
    fc.nat(),
    fc.oneof(
      fc.jsonValue(),
      fc.constant(undefined),
      fc.constant(null),
      fc.integer({ min: -2, max: 2 }),
      fc.double(),
      id,
      hlc,
      fc.constant({}),
    ),
    fc.string(),
    fc.boolean(),
  )
  .map(([c, pick, value, extra, deep]) => {
    const target: Record<string, unknown> =
      deep && c.op === "put" ? (c.entity as Record<string, unknown>) : c;
    const keys = Object.keys(target);
    const key = keys[pick % (keys.length + 1)] ?? extra;
    if (value === undefined) delete target[key];
    else target[key] = value;
    return JSON.parse(JSON.stringify(c)) as unknown;
  });

describe("isPlainChange", () => {
  it("accepts every valid change (bar a `__proto__` key), as the schema returns it", () => {
    fc.assert(
      fc.property(valid, (c) => {
        const wire = JSON.parse(JSON.stringify(c));
        expect(isPlainChange(wire)).toBe(true);
        expect(ChangeSchema.parse(wire)).toEqual(wire);
      }),
    );
  });

  it("accepts nothing the schema rejects, and nothing it would change", () => {
    fc.assert(
      fc.property(fc.oneof(broken, fc.jsonValue()), (c) => {
        if (!isPlainChange(c)) return;
        const parsed = ChangeSchema.safeParse(c);
        expect(parsed.success).toBe(true);
        expect(parsed.data).toEqual(c);
      }),
      { numRuns: 2000 },
    );
  });
});

describe("parsePullAnswer", () => {
  const answer = {
    cookie: { epoch: "e1", v: 3 },
    reset: false,
    hasMore: false,
    lastSeq: 2,
    serverTime: "2026-11-24T03:00:00.000Z",
    changes: [{ op: "del", id: "x", deletedHlc: `${"1".padStart(15, "0")}-0000-dev`, version: 3 }],
  };

  it("gives the same page as the schema", () => {
    expect(parsePullAnswer(answer)).toEqual({ ...PullResponseSchema.parse(answer), skipped: 0 });
  });

  it("leaves out and counts malformed changes (16-digit stamp, broken entity) instead of failing the page", () => {
    const good = answer.changes[0];
    const page = {
      ...answer,
      changes: [
        { op: "put" },
        { ...good, deletedHlc: "9999999999999999-0000-evil" },
        good,
        { op: "del", id: "y", deletedHlc: "garbage", version: 3 },
      ],
    };
    const parsed = parsePullAnswer(page);
    expect(parsed?.changes).toEqual([good]);
    expect(parsed?.skipped).toBe(3);
    expect(parsed?.cookie).toEqual(answer.cookie);
  });

  it("is null for anything that is not a pull answer", () => {
    expect(parsePullAnswer("<html>Sign in to the Wi-Fi</html>")).toBeNull();
    expect(parsePullAnswer({ ...answer, lastSeq: undefined })).toBeNull();
    expect(parsePullAnswer({ ...answer, cookie: null })).toBeNull();
    expect(parsePullAnswer({ ...answer, changes: "none" })).toBeNull();
    expect(parsePullAnswer(null)).toBeNull();
  });

  it("leaves a change it is unsure of to the schema", () => {
    const odd = JSON.parse(
      `{"op":"put","entity":{"id":"x","workspaceId":"w","createdBy":"d","fields":{"__proto__":1},"fieldHlc":{},"deletedHlc":null,"restoredHlc":null,"version":1}}`,
    );
    expect(isPlainChange(odd)).toBe(false);
    const page = { ...answer, changes: [odd] };
    expect(parsePullAnswer(page)).toEqual({ ...PullResponseSchema.parse(page), skipped: 0 });
  });
});
