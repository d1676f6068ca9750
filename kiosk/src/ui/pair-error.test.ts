import { createTranslator } from "@sightline/shared/i18n/translate";
import { describe, expect, it } from "vitest";
import { catalog } from "./i18n.tsx";
import { pairErrorMessage } from "./pair-error.ts";

const server = "https://sightline.example";

describe("pairing refusals", () => {
  it("a wrong (404), a used (409) and an expired (410) code each have their own message", () => {
    const en = createTranslator(catalog, "en");
    const said = [404, 409, 410, 400].map((status) =>
      pairErrorMessage(en, "code", { server, status }),
    );
    expect(said).toEqual([
      "There is no such pairing code — check it digit by digit",
      "This pairing code was already used — ask a manager for a new one",
      "This pairing code has expired — ask a manager for a new one",
      "The pairing code is wrong, used or expired",
    ]);
    const vi = createTranslator(catalog, "vi");
    expect(
      new Set([404, 409, 410].map((status) => pairErrorMessage(vi, "code", { server, status })))
        .size,
    ).toBe(3);
    expect(pairErrorMessage(vi, "code", { server, status: 409 })).toContain("đã được dùng");
  });
});
