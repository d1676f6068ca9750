// Email addresses as sign-in names. Deliberately loose: the default first
// admin is "admin@localhost", which strict validators refuse.
import { z } from "@hono/zod-openapi";

export const EmailSchema = z
  .string()
  .trim()
  .max(254)
  .regex(/^[^\s@]+@[^\s@]+$/, "an email address");
