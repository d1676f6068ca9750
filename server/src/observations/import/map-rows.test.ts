import { describe, expect, it } from "vitest";
import { planColumns } from "./map-rows.ts";

const header = ["Mã", "Nội dung", "Lý do", "Cửa hàng"];

describe("planColumns", () => {
  it("finds columns by their common names when nothing is said", () => {
    const r = planColumns(header, {});
    expect(r.ok && r.plan.columns).toMatchObject({
      what: "Nội dung",
      why: "Lý do",
      storeId: "Cửa hàng",
    });
    expect(r.ok && r.plan.rowId).toBe("Mã");
  });

  it("reads no column for a field mapped to null, even one named like it", () => {
    const r = planColumns(header, { mapping: { why: null, storeId: null } });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.plan.columns.why).toBeUndefined();
    expect(r.plan.columns.storeId).toBeUndefined();
    expect(r.plan.columns.what).toBe("Nội dung");
  });

  it("still needs a column for what, and names a missing mapped column", () => {
    expect(planColumns(header, { mapping: { what: null } })).toMatchObject({
      ok: false,
      errors: [{ path: "mapping.what" }],
    });
    expect(planColumns(header, { mapping: { who: "Khách" } })).toMatchObject({
      ok: false,
      errors: [{ path: "mapping.who", message: 'no column "Khách"' }],
    });
  });
});
