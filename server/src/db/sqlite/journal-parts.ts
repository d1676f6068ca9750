// The SQLite adapter of the JournalStore side of the Store port, composed
// into createSqliteStore next to the foundation's parts.

import type { JournalStore } from "../journal-port.ts";
import type { SqliteHandle } from "./handle.ts";
import { createImportsPart } from "./imports.ts";
import { createInsightsPart } from "./insights.ts";
import { createJournalsPart } from "./journals.ts";

export function createSqliteJournalStore(handle: SqliteHandle): JournalStore {
  return {
    ...createJournalsPart(handle),
    ...createInsightsPart(handle),
    ...createImportsPart(handle),
  };
}
