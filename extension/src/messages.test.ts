// The worker boundary: every message is parsed by the zod union; malformed,
// unknown or over-long ones are refused, and content scripts (which share a
// tab with untrusted page code) may send only their three message types.
import { describe, expect, it } from "vitest";
import { FAKE_ID, FAKE_ORIGIN } from "../test/support/fake-browser-api.ts";
import { parseWorkerRequest } from "./messages.ts";
import { senderKind } from "./worker/router.ts";

const facts = { title: "t" };
const capture = {
  kind: "selection",
  url: "https://shop.vn/",
  title: "t",
  quote: "q",
  viewport: { width: 1, height: 1, devicePixelRatio: 1 },
  facts,
};

describe("parseWorkerRequest", () => {
  it("accepts well-formed requests", () => {
    expect(parseWorkerRequest({ type: "capture.start", kind: "element", tabId: 3 })).toEqual({
      type: "capture.start",
      kind: "element",
      tabId: 3,
    });
    expect(parseWorkerRequest({ type: "capture.submit", capture })?.type).toBe("capture.submit");
    expect(
      parseWorkerRequest({
        type: "observation.update",
        id: "0193",
        fields: { why: "cheaper", needs: ["price"] },
      })?.type,
    ).toBe("observation.update");
    expect(
      parseWorkerRequest({ type: "pair", serverUrl: "https://s.example.vn", code: "ABCD2345" })
        ?.type,
    ).toBe("pair");
  });

  it("refuses unknown types, extra fields and wrong shapes", () => {
    expect(parseWorkerRequest({ type: "nope" })).toBeNull();
    expect(parseWorkerRequest("capture.start")).toBeNull();
    expect(parseWorkerRequest(null)).toBeNull();
    expect(parseWorkerRequest({ type: "capture.start", kind: "everything" })).toBeNull();
    expect(parseWorkerRequest({ type: "status.get", extra: 1 })).toBeNull();
    expect(
      parseWorkerRequest({ type: "capture.submit", capture: { ...capture, evil: true } }),
    ).toBeNull();
  });

  it("refuses content the server would refuse: bad selectors, over-long quote, bad need codes", () => {
    expect(
      parseWorkerRequest({
        type: "capture.submit",
        capture: { ...capture, quote: "x".repeat(4001) },
      }),
    ).toBeNull();
    expect(
      parseWorkerRequest({
        type: "capture.submit",
        capture: { ...capture, selectors: [{ type: "Evil" }] },
      }),
    ).toBeNull();
    expect(
      parseWorkerRequest({ type: "observation.update", id: "x", fields: { needs: ["greed"] } }),
    ).toBeNull();
    expect(
      parseWorkerRequest({ type: "observation.update", id: "x", fields: { channel: "web" } }),
    ).toBeNull();
    expect(
      parseWorkerRequest({ type: "pair", serverUrl: "javascript:alert(1)", code: "ABCD2345" }),
    ).toBeNull();
  });
});

describe("senderKind", () => {
  it("tells our pages, content scripts and strangers apart", () => {
    expect(senderKind({ id: FAKE_ID, url: `${FAKE_ORIGIN}panel.html` }, FAKE_ID, FAKE_ORIGIN)).toBe(
      "page",
    );
    expect(
      senderKind({ id: FAKE_ID, url: "https://shop.vn/", tab: { id: 4 } }, FAKE_ID, FAKE_ORIGIN),
    ).toBe("content");
    expect(senderKind({ id: "other", url: `${FAKE_ORIGIN}panel.html` }, FAKE_ID, FAKE_ORIGIN)).toBe(
      "foreign",
    );
    expect(senderKind({ id: FAKE_ID, url: "https://shop.vn/" }, FAKE_ID, FAKE_ORIGIN)).toBe(
      "foreign",
    );
  });
});
