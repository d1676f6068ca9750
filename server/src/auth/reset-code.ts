// One-time password reset codes: random, shown once to the admin who issued
// them, read aloud or passed on to the person; only their sha256 is stored.
// The same easy alphabet as pairing codes, longer (12 characters, about 56
// bits), and redemption is rate limited per address and per code.
import { randomInt } from "node:crypto";
import { PAIRING_ALPHABET } from "./tokens.ts";

export const RESET_CODE_LENGTH = 12;
/** How long an issued code works. */
export const RESET_CODE_HOURS = 24;

export function newResetCode(): string {
  let code = "";
  for (let i = 0; i < RESET_CODE_LENGTH; i++)
    code += PAIRING_ALPHABET[randomInt(PAIRING_ALPHABET.length)];
  return code;
}

/** What people type: spaces and dashes ignored, case-insensitive. */
export const normaliseResetCode = (s: string) => s.replace(/[\s-]/g, "").toUpperCase();
