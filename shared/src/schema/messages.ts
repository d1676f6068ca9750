// zod/mini carries no message catalogue: without one every failed check reads
// "Invalid input". Clients call this once from their composition root, so a
// rejected local write says what is wrong in the same English the server
// uses (classic zod, which the server imports, loads this catalogue itself).
import { en } from "zod/locales";
import { config } from "zod/mini";

/** Load zod's English issue messages (global, idempotent). */
export function loadSchemaMessages(): void {
  config(en());
}
