// Bounded text: every string on the wire has a cap, so no field can be used
// to fill a disk or freeze a renderer.
import { z } from "zod";

/** Text up to `max` UTF-16 units, NUL-free, normalised to NFC. */
export const text = (max: number) =>
  z
    .string()
    .max(max)
    .refine((s) => !s.includes("\u0000"), "NUL characters are not allowed")
    .transform((s) => s.normalize("NFC"));

/** Like `text` but must contain something other than whitespace. */
export const requiredText = (max: number) =>
  text(max).refine((s) => s.trim().length > 0, "must not be empty");

export const IsoDateTimeSchema = z.iso.datetime({ offset: true });
export const IdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[0-9A-Za-z_-]+$/, "bad id");
export const UuidSchema = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, "not a UUID");
export const Sha256Schema = z.string().regex(/^[0-9a-f]{64}$/, "not a lowercase hex sha256");
