import { describe, expect, it } from "vitest";
import { isKnownDevice, knownDeviceCookie } from "./known-device.ts";

const user = { id: "01a20e97-affb-7092-9da6-9a42aaa06afd", passwordHash: "scrypt$abc$def" };
const NOW = Date.UTC(2026, 10, 24);
const LATER = NOW + 86_400_000;

describe("known-device cookie", () => {
  it("recognises its own user's unexpired cookie", () => {
    expect(isKnownDevice(knownDeviceCookie(user, LATER), user, NOW)).toBe(true);
  });

  it("refuses another user's, an expired one, and one from before a password change", () => {
    const cookie = knownDeviceCookie(user, LATER);
    expect(isKnownDevice(cookie, { ...user, id: "someone-else" }, NOW)).toBe(false);
    expect(isKnownDevice(cookie, user, LATER)).toBe(false);
    expect(isKnownDevice(cookie, { ...user, passwordHash: "scrypt$new$hash" }, NOW)).toBe(false);
  });

  it("refuses forged and malformed values without throwing", () => {
    const cookie = knownDeviceCookie(user, LATER);
    const [id, , mac] = cookie.split(".");
    for (const bad of [
      undefined,
      "",
      `${id}.${LATER + 1}.${mac}`, // extended expiry, same mac
      `${id}.${LATER}.${mac}x`,
      `${id}.${LATER}.`,
      `${id}.${LATER}.${mac}.more`,
      `${id}.soon.${mac}`,
      `${id}.${"9".repeat(400)}.${mac}`,
      "\u0000.\ud800.💥",
    ])
      expect(isKnownDevice(bad, user, NOW)).toBe(false);
  });
});
