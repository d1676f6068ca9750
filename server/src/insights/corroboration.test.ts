import { describe, expect, it } from "vitest";
import { corroborate, dataTypeOf, type EvidenceFacts } from "./corroboration.ts";

const ev = (
  observationId: string,
  channel: EvidenceFacts["channel"],
  stance: EvidenceFacts["stance"] = "supports",
  source?: string,
): EvidenceFacts => ({ observationId, channel, stance, source });

describe("corroborate", () => {
  it("counts distinct channels and observations among supporting evidence", () => {
    const c = corroborate([ev("a", "store"), ev("b", "store"), ev("c", "feedback")]);
    expect(c).toMatchObject({ channels: 2, observations: 3, singleSource: false });
    expect(c.dataTypes).toEqual(["feedback", "store"]);
  });

  it("flags one kind of data as single source, however many observations", () => {
    const c = corroborate([ev("a", "store"), ev("b", "store"), ev("c", "store")]);
    expect(c).toMatchObject({ channels: 1, observations: 3, singleSource: true });
  });

  it("flags no evidence as single source", () => {
    expect(corroborate([])).toMatchObject({ channels: 0, observations: 0, singleSource: true });
  });

  it("ignores contradicting and context evidence, but counts contradictions", () => {
    const c = corroborate([
      ev("a", "store"),
      ev("b", "web", "contradicts"),
      ev("c", "feedback", "context"),
    ]);
    expect(c).toMatchObject({ channels: 1, singleSource: true, contradicting: 1 });
  });

  it("counts each import source as its own data type", () => {
    const c = corroborate([
      ev("a", "import", "supports", "CRM"),
      ev("b", "import", "supports", "Khảo sát"),
      ev("c", "import", "supports", "crm"),
    ]);
    expect(c.dataTypes).toEqual(["import:crm", "import:khao-sat"]);
    expect(c.singleSource).toBe(false);
  });

  it("does not double-count an observation linked twice", () => {
    expect(corroborate([ev("a", "store"), ev("a", "store")]).observations).toBe(1);
  });
});

describe("dataTypeOf", () => {
  it("names import sources folded, and unknown when missing", () => {
    expect(dataTypeOf({ channel: "import", source: "Tổng đài 1080" })).toBe("import:tong-dai-1080");
    expect(dataTypeOf({ channel: "import" })).toBe("import:unknown");
    expect(dataTypeOf({ channel: "web", source: "x" })).toBe("web");
  });
});
