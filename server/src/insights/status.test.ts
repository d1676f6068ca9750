import { describe, expect, it } from "vitest";
import { checkTransition } from "./status.ts";

const multi = { corroboration: { singleSource: false }, actions: 0 };
const single = { corroboration: { singleSource: true }, actions: 0 };

describe("checkTransition", () => {
  it("walks the flow forward when the gates pass", () => {
    expect(checkTransition("draft", "emerging", single).ok).toBe(true);
    expect(checkTransition("emerging", "validated", multi).ok).toBe(true);
    expect(checkTransition("validated", "actioned", { ...multi, actions: 1 }).ok).toBe(true);
  });

  it("refuses to validate a single-source insight without an override reason", () => {
    const r = checkTransition("emerging", "validated", single);
    expect(r).toMatchObject({ ok: false, code: "single-source" });
    expect(checkTransition("emerging", "validated", { ...single, overrideReason: "  " }).ok).toBe(
      false,
    );
  });

  it("validates a single-source insight with an override reason and says so", () => {
    const r = checkTransition("emerging", "validated", {
      ...single,
      overrideReason: "POS data confirms it; not imported yet",
    });
    expect(r).toEqual({ ok: true, overrideUsed: true });
  });

  it("applies the gate when skipping ahead too", () => {
    expect(checkTransition("draft", "actioned", { ...single, actions: 2 })).toMatchObject({
      ok: false,
      code: "single-source",
    });
  });

  it("needs an action before actioned", () => {
    expect(checkTransition("validated", "actioned", multi)).toMatchObject({
      ok: false,
      code: "no-actions",
    });
  });

  it("allows going back and going stale from anywhere", () => {
    expect(checkTransition("validated", "draft", single).ok).toBe(true);
    expect(checkTransition("draft", "stale", single).ok).toBe(true);
    expect(checkTransition("actioned", "stale", single).ok).toBe(true);
  });

  it("re-opens a stale insight only as draft or emerging", () => {
    expect(checkTransition("stale", "emerging", single).ok).toBe(true);
    expect(checkTransition("stale", "validated", multi)).toMatchObject({
      ok: false,
      code: "bad-transition",
    });
  });
});
