// Bounded text: every string on the wire has a cap, so no field can be used
// to fill a disk or freeze a renderer, and every string is well-formed:
// no NUL and no lone UTF-16 surrogate. SQLite would store either, PostgreSQL
// refuses both (NUL in text, a lone surrogate in jsonb) and UTF-8 cannot
// carry a lone surrogate at all, so the same write would succeed on one
// database and fail on the other; the schemas refuse them everywhere instead.
// Shared schemas are written with zod/mini (functional, tree-shakeable) so the
// kiosk worker and the extension bundle only the checks they use; the server
// composes them into classic zod schemas (both are zod core types).
import * as z from "zod/mini";

/** What a refused string is told (imports show it per row: "line 3: …"). */
export const INVALID_CHARACTER_MESSAGE = "text has an invalid character (NUL or a lone surrogate)";

/** Any surrogate at all (pairs are told from lone ones by the loop). */
const SURROGATE = /[\uD800-\uDFFF]/;

/**
 * True when `s` holds no NUL and every UTF-16 surrogate is half of a pair
 * (`String.prototype.isWellFormed`, which is not in every kiosk and extension
 * target, plus the NUL rule).
 */
export function isWellFormedText(s: string): boolean {
  if (s.includes("\u0000")) return false;
  if (!SURROGATE.test(s)) return true;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xd800 || c > 0xdfff) continue;
    if (c > 0xdbff) return false; // a low surrogate with no high one before it
    const next = s.charCodeAt(i + 1);
    if (!(next >= 0xdc00 && next <= 0xdfff)) return false;
    i++;
  }
  return true;
}

/** `s` with NUL and every lone surrogate replaced by U+FFFD (for labels and messages). */
export function toWellFormedText(s: string): string {
  if (isWellFormedText(s)) return s;
  let out = "";
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const next = s.charCodeAt(i + 1);
    if (c >= 0xd800 && c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      out += s.slice(i, i + 2);
      i++;
    } else out += c === 0 || (c >= 0xd800 && c <= 0xdfff) ? "\uFFFD" : s[i];
  }
  return out;
}

/** The check itself, for schemas built elsewhere (`z.string().check(wellFormed())`). */
export const wellFormed = () => z.refine<string>(isWellFormedText, INVALID_CHARACTER_MESSAGE);

/**
 * A string as sent (no normalisation, no trimming) of at most `max` UTF-16
 * units, without NUL or lone surrogates: names, keys, versions, labels.
 */
export const plainText = (max: number) => z.string().check(z.maxLength(max), wellFormed());

/** Text up to `max` UTF-16 units, NUL-free and well-formed, normalised to NFC. */
export const text = (max: number) =>
  z.pipe(
    z.string().check(z.maxLength(max), wellFormed()),
    z.transform((s: string) => s.normalize("NFC")),
  );

/** Like `text` but must contain something other than whitespace. */
export const requiredText = (max: number) =>
  text(max).check(z.refine((s) => s.trim().length > 0, "must not be empty"));

export const IsoDateTimeSchema = z.iso.datetime({ offset: true });
export const IdSchema = z
  .string()
  .check(z.minLength(1), z.maxLength(64), z.regex(/^[0-9A-Za-z_-]+$/, "bad id"));
export const UuidSchema = z
  .string()
  .check(z.regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, "not a UUID"));
export const Sha256Schema = z
  .string()
  .check(z.regex(/^[0-9a-f]{64}$/, "not a lowercase hex sha256"));
