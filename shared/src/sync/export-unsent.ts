// "Export unsent data" for a revoked (or otherwise stuck) kiosk or extension:
// the writes the server has not acknowledged, as the files a manager imports
// in the web app (messages/unsent-export.ts). The mutations are exactly what
// the next push would carry: the outbox after `ackedSeq`, stripped of local
// bookkeeping and brought to this build's client schema like the engine does.
// Reading never changes the storage: the queue stays for a later re-admission,
// and the server applies each seq once whichever way it arrives.
import type { Mutation } from "./messages/mutation.ts";
import { CLIENT_SCHEMA_VERSION } from "./messages/protocol.ts";
import {
  MAX_UNSENT_PER_FILE,
  UNSENT_EXPORT_FORMAT,
  type UnsentExport,
  unsentExportFileName,
} from "./messages/unsent-export.ts";
import { type SyncStorage, wireMutation } from "./storage.ts";
import { upcastMutation } from "./upcast.ts";

/** One file to save: its name and its JSON text. */
export type UnsentExportFile = { name: string; text: string; mutations: number };

export type ExportUnsentOptions = {
  kind: UnsentExport["kind"];
  appVersion: string;
  now: number;
  /** This build's client schema (default CLIENT_SCHEMA_VERSION). */
  clientSchema?: number;
  upcast?: (m: Mutation, fromSchema: number) => Mutation;
  /** Writes per file (default MAX_UNSENT_PER_FILE). */
  perFile?: number;
};

/**
 * The unacknowledged writes of `storage` as export files, in seq order, at
 * most `perFile` writes each; none when nothing is unsent (or never paired).
 */
export async function exportUnsent(
  storage: SyncStorage,
  o: ExportUnsentOptions,
): Promise<UnsentExportFile[]> {
  const meta = await storage.meta();
  if (!meta) return [];
  const clientSchema = o.clientSchema ?? CLIENT_SCHEMA_VERSION;
  const upcast = o.upcast ?? upcastMutation;
  const perFile = Math.min(o.perFile ?? MAX_UNSENT_PER_FILE, MAX_UNSENT_PER_FILE);
  const exportedAt = new Date(o.now).toISOString();
  const pages: Mutation[][] = [];
  let from = meta.ackedSeq + 1;
  for (;;) {
    const entries = await storage.outboxFrom(from, perFile);
    if (entries.length === 0) break;
    pages.push(
      entries.map((e) => {
        const schema = e.schema ?? 1;
        return schema < clientSchema ? upcast(wireMutation(e), schema) : wireMutation(e);
      }),
    );
    from = (entries.at(-1)?.seq ?? from) + 1;
    if (entries.length < perFile) break;
  }
  return pages.map((mutations, i) => {
    const file: UnsentExport = {
      format: UNSENT_EXPORT_FORMAT,
      version: 1,
      deviceId: meta.deviceId,
      workspaceId: meta.workspaceId,
      kind: o.kind,
      clientSchema,
      appVersion: o.appVersion.slice(0, 50),
      exportedAt,
      mutations,
    };
    const name = unsentExportFileName(file);
    return {
      name: pages.length > 1 ? name.replace(/\.json$/, `-${i + 1}-of-${pages.length}.json`) : name,
      text: `${JSON.stringify(file, null, 2)}\n`,
      mutations: mutations.length,
    };
  });
}
