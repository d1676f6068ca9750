// Bounded text: every string on the wire has a cap, so no field can be used
// to fill a disk or freeze a renderer.
// Shared schemas are written with zod/mini (functional, tree-shakeable) so the
// kiosk worker and the extension bundle only the checks they use; the server
// composes them into classic zod schemas (both are zod core types).
import * as z from "zod/mini";

/** Text up to `max` UTF-16 units, NUL-free, normalised to NFC. */
export const text = (max: number) =>
  z.pipe(
    z.string().check(
      z.maxLength(max),
      z.refine((s) => !s.includes("\u0000"), "NUL characters are not allowed"),
    ),
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
