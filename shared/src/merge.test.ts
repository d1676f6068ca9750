import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Entity, isLive } from "./entity.ts";
import { hlcFormat } from "./hlc.ts";
import { applyFieldWrites, emptyEntity, merge } from "./merge.ts";

const hlc = fc
  .tuple(
    fc.integer({ min: 1, max: 50 }),
    fc.integer({ min: 0, max: 3 }),
    fc.constantFrom("a", "b", "c"),
  )
  .map(([ms, counter, node]) => hlcFormat({ ms, counter, node }));
const value = fc.oneof(
  fc.string({ maxLength: 4 }),
  fc.integer(),
  fc.array(fc.constantFrom("price", "design")),
);

/** A replica built by a random sequence of writes, deletes and restores. */
const replica: fc.Arbitrary<Entity> = fc
  .array(
    fc.oneof(
      fc.record({
        t: fc.constant("w" as const),
        name: fc.constantFrom("what", "who", "needs"),
        value,
        hlc,
      }),
      fc.record({ t: fc.constantFrom("d" as const, "r" as const), hlc }),
    ),
    { maxLength: 8 },
  )
  .map((ops) => {
    let e = emptyEntity("o1", "ws", "dev");
    for (const op of ops) {
      if (op.t === "w") e = applyFieldWrites(e, { [op.name]: op.value }, op.hlc);
      else if (op.t === "d") e = merge(e, { ...e, deletedHlc: op.hlc });
      else e = merge(e, { ...e, restoredHlc: op.hlc });
    }
    return e;
  });

describe("merge", () => {
  it("is commutative", () => {
    fc.assert(
      fc.property(replica, replica, (a, b) => {
        expect(merge(a, b)).toEqual(merge(b, a));
      }),
    );
  });
  it("is associative", () => {
    fc.assert(
      fc.property(replica, replica, replica, (a, b, c) => {
        expect(merge(merge(a, b), c)).toEqual(merge(a, merge(b, c)));
      }),
    );
  });
  it("is idempotent", () => {
    fc.assert(
      fc.property(replica, (a) => {
        expect(merge(a, a)).toEqual(a);
      }),
    );
  });
  it("keeps the later write per field", () => {
    const base = emptyEntity("o", "ws", "d");
    const a = applyFieldWrites(
      base,
      { what: "old", who: "kept" },
      hlcFormat({ ms: 1, counter: 0, node: "a" }),
    );
    const b = applyFieldWrites(base, { what: "new" }, hlcFormat({ ms: 2, counter: 0, node: "b" }));
    expect(merge(a, b).fields).toEqual({ what: "new", who: "kept" });
  });
  it("a delete wins over a concurrent edit until restored (no resurrection)", () => {
    const base = applyFieldWrites(
      emptyEntity("o", "ws", "d"),
      { what: "x" },
      hlcFormat({ ms: 1, counter: 0, node: "a" }),
    );
    const deleted = { ...base, deletedHlc: hlcFormat({ ms: 5, counter: 0, node: "a" }) };
    const edited = applyFieldWrites(
      base,
      { what: "y" },
      hlcFormat({ ms: 9, counter: 0, node: "b" }),
    );
    const m = merge(deleted, edited);
    expect(isLive(m)).toBe(false);
    expect(m.fields.what).toBe("y");
    const restored = merge(m, { ...m, restoredHlc: hlcFormat({ ms: 10, counter: 0, node: "a" }) });
    expect(isLive(restored)).toBe(true);
  });
});
