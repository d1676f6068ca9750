// The PostgreSQL adapter of the JournalStore side of the Store port,
// composed into createPostgresStore next to the foundation's parts.

import type { JournalStore } from "../journal-port.ts";
import type { PgHandle } from "./handle.ts";
import { createImportsPart } from "./imports.ts";
import { createInsightsPart } from "./insights.ts";
import { createJournalsPart } from "./journals.ts";

export function createPostgresJournalStore(handle: PgHandle): JournalStore {
  return {
    ...createJournalsPart(handle),
    ...createInsightsPart(handle),
    ...createImportsPart(handle),
  };
}
