import { describe, expect, it } from "vitest";
import { HLC_PATTERN, hlcWallMs } from "../hlc.ts";
import { newMeta, planLocalWrite, planPull, serverNow } from "./local-state.ts";

const T = Date.UTC(2026, 11, 3, 4);
const write = {
  op: "obs.create" as const,
  id: "o1",
  fields: {
    channel: "web",
    method: "competitor-audit",
    capturedAt: "2026-12-03T11:00:00+07:00",
    what: "x",
  },
};

describe("local state: clocks", () => {
  it("a clock an older build stored with 16 digits starts afresh instead of throwing on every write", () => {
    for (const hlc of ["1000000000000000-0000-d", "garbage", "999999999999999-zzzz-d"]) {
      const meta = { ...newMeta("d", "ws"), hlc };
      const plan = planLocalWrite(meta, undefined, write, T);
      expect(plan.entry.hlc).toMatch(HLC_PATTERN);
      expect(plan.meta.hlc).toMatch(HLC_PATTERN);
    }
  });

  it("a pull answer's serverTime sets the clock error; a lying one (ten years off) is ignored", () => {
    const base = newMeta("d", "ws");
    const page = (serverTime: string) => ({
      cookie: { epoch: "e", v: 1 },
      reset: false,
      hasMore: false,
      lastSeq: 0,
      serverTime,
      changes: [],
    });
    const m1 = planPull(base, page(new Date(T + 3600_000).toISOString()), T).meta;
    expect(serverNow(m1, T)).toBe(T + 3600_000);
    const m2 = planPull(m1, page("9999-01-01T00:00:00Z"), T).meta;
    expect(m2.clockOffsetMs).toBe(3600_000);
    const m3 = planPull(m1, page("not a time"), T).meta;
    expect(m3.clockOffsetMs).toBe(3600_000);
    const w = planLocalWrite(m1, undefined, write, T);
    expect(hlcWallMs(w.entry.hlc)).toBe(T + 3600_000);
  });
});
