// A browser that has signed in before carries a "known device" cookie: the
// user's id, an expiry and an HMAC of both keyed by the user's password hash —
// a secret every instance already shares through the database, which also
// rotates when the password changes. Sign-in attempts that carry a valid one
// are limited per cookie instead of per account, so someone guessing an
// account's password from elsewhere cannot lock its owner out (OWASP's
// "device cookies"). Nothing is stored; a forged or stale cookie simply counts
// against the account like any other attempt.
import { createHmac, timingSafeEqual } from "node:crypto";

export const KNOWN_DEVICE_COOKIE = "sightline_known";
export const KNOWN_DEVICE_DAYS = 180;

type Holder = { id: string; passwordHash: string };

const macOf = (user: Holder, expiresMs: number) =>
  createHmac("sha256", `sightline known device\u0000${user.passwordHash}`)
    .update(`${user.id}.${expiresMs}`)
    .digest("base64url");

/** The cookie value for `user` on this browser, valid until `expiresMs`. */
export function knownDeviceCookie(user: Holder, expiresMs: number): string {
  return `${user.id}.${expiresMs}.${macOf(user, expiresMs)}`;
}

/** Whether `value` is `user`'s own, unexpired known-device cookie. Never throws. */
export function isKnownDevice(value: string | undefined, user: Holder, nowMs: number): boolean {
  if (!value || value.length > 300) return false;
  const [id, expires, mac, extra] = value.split(".");
  if (id !== user.id || extra !== undefined || !mac || !/^\d{1,15}$/.test(expires ?? ""))
    return false;
  const expiresMs = Number(expires);
  if (expiresMs <= nowMs) return false;
  const want = Buffer.from(macOf(user, expiresMs));
  const got = Buffer.from(mac);
  return got.length === want.length && timingSafeEqual(got, want);
}
