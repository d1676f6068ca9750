import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { randomFields } from "../../test/support/random-fields.ts";
import { copyTally, finishStats, journalStats, tallyObservation, tallyOf } from "./stats.ts";

describe("journalStats", () => {
  it("counts by channel, need and local day, with 5W1H completeness", () => {
    const s = journalStats([
      {
        fields: {
          channel: "web",
          capturedAt: "2024-03-01T23:30:00+07:00",
          what: "Giá",
          needs: ["price"],
          why: "rẻ",
          competitorId: "c1",
          url: "https://x.vn",
        },
      },
      {
        fields: {
          channel: "store",
          capturedAt: "2024-03-02T09:00:00+07:00",
          what: "Hỏi giá",
          storeId: "s1",
          needs: ["price", "information"],
        },
      },
      {
        fields: {
          channel: "store",
          capturedAt: "2024-03-02T10:00:00+07:00",
          what: "Chờ",
          storeId: "s1",
        },
      },
    ]);
    expect(s.total).toBe(3);
    expect(s.byChannel).toEqual({ web: 1, store: 2 });
    expect(s.byNeed).toEqual({ price: 2, information: 1 });
    expect(s.byDay).toEqual({ "2024-03-01": 1, "2024-03-02": 2 });
    expect(s.needsByChannel).toEqual({ web: { price: 1 }, store: { price: 1, information: 1 } });
    // web: who (competitor), what, when, where (url), why = 5; store: what, when, where = 3 each.
    expect(s.fiveW1H.average).toBe(3.67);
    expect(s.fiveW1H.answered).toEqual({
      who: 0.333,
      what: 1,
      when: 1,
      where: 1,
      why: 0.333,
      how: 0,
    });
  });

  it("is all zeros for an empty scope", () => {
    expect(journalStats([])).toMatchObject({ total: 0, fiveW1H: { average: 0 } });
  });
});

describe("stats tally", () => {
  it("taking observations out gives the stats of the rest, whatever the order (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(randomFields, fc.boolean()), { maxLength: 30 }), (list) => {
        const t = tallyOf(list.map(([fields]) => ({ fields })));
        for (const [fields, out] of [...list].reverse()) if (out) tallyObservation(t, fields, -1);
        const rest = list.filter(([, out]) => !out).map(([fields]) => ({ fields }));
        // Same keys in the same order, not just equal counts: the web app draws them in order.
        expect(JSON.stringify(finishStats(t))).toBe(JSON.stringify(journalStats(rest)));
        if (rest.length === 0) expect(finishStats(t)).toEqual(journalStats([]));
      }),
      { numRuns: 300 },
    );
  });

  it("a copy is independent of the original", () => {
    const t = tallyOf([{ fields: { channel: "web", needs: ["price"] } }]);
    const c = copyTally(t);
    tallyObservation(c, { channel: "web", needs: ["price"] }, -1);
    expect(finishStats(t).needsByChannel).toEqual({ web: { price: 1 } });
    expect(finishStats(c).needsByChannel).toEqual({});
  });
});
