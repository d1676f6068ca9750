// Bearer tokens and pairing codes are random secrets shown once; only their
// sha256 is stored, so a database leak does not leak credentials.
import { createHash, randomBytes, randomInt } from "node:crypto";

/** 32 random bytes, base64url: a session or device token. */
export const newToken = () => randomBytes(32).toString("base64url");

export const sha256Hex = (s: string) => createHash("sha256").update(s).digest("hex");

/** No 0/O, 1/I/L, 2/Z, 5/S, 8/B: easy to read aloud and type on a tablet. */
export const PAIRING_ALPHABET = "34679ACDEFGHJKMNPQRTUVWXY";
export const PAIRING_CODE_LENGTH = 8;

export function newPairingCode(): string {
  let code = "";
  for (let i = 0; i < PAIRING_CODE_LENGTH; i++)
    code += PAIRING_ALPHABET[randomInt(PAIRING_ALPHABET.length)];
  return code;
}

/** What people type: spaces and dashes ignored, case-insensitive. */
export const normalisePairingCode = (s: string) => s.replace(/[\s-]/g, "").toUpperCase();

export const SESSION_COOKIE = "sightline_session";
