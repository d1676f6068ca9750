// Reading and editing observations for the UI: lists from the local mirror
// (filtered by page, competitor or tag), 5W1H edits as `obs.patch`, deletes,
// and event-mode notes. Every write goes through the shared engine, so it is
// validated, lands in the outbox and is synced like a capture.
import { isDeviceRevoked, isLive, LocalWriteError, uuidv7 } from "@sightline/shared";
import { samePage } from "@sightline/shared/page-key";
import type { ListFilter, ObservationView, Settings } from "../messages.ts";
import type { BlobStorage } from "./blob-storage.ts";
import { type EventNoteInput, fieldsFromEventNote } from "./observation-fields.ts";
import type { SettingsStorage } from "./settings-storage.ts";
import type { SyncService } from "./sync-service.ts";
import type { WorkerContext } from "./worker-context.ts";

export type ObservationServiceDeps = {
  sync: SyncService;
  blobs: BlobStorage;
  settings: SettingsStorage;
  context: WorkerContext;
  now(): number;
  changed(): void;
};

type WriteResult = { ok: true; id: string } | { ok: false; error: string };

/** Capture time as a number (mixed offsets compare as instants); unknown sorts last. */
const capturedMs = (o: ObservationView) => {
  const ms = Date.parse(String(o.fields.capturedAt ?? ""));
  return Number.isNaN(ms) ? Number.NEGATIVE_INFINITY : ms;
};

export const byNewest = (a: ObservationView, b: ObservationView) =>
  capturedMs(b) - capturedMs(a) || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

/** The channels a person captures from the extension (Recent lists only these). */
const OWN_CHANNELS = new Set(["web", "event"]);

export function createObservationService(d: ObservationServiceDeps) {
  async function write(
    op: "obs.create" | "obs.patch" | "obs.delete",
    id: string,
    fields?: Record<string, unknown>,
  ): Promise<WriteResult> {
    const session = await d.sync.session();
    if (!session) return { ok: false, error: "not-paired" };
    try {
      await session.engine.write({ op, id, ...(fields ? { fields } : {}) });
    } catch (e) {
      // Revoked by a manager: refused before anything is queued (the UI says what to do).
      if (isDeviceRevoked(e)) return { ok: false, error: "revoked" };
      if (e instanceof LocalWriteError) return { ok: false, error: e.message };
      throw e;
    }
    session.scheduler.request("write");
    d.changed();
    return { ok: true, id };
  }

  return {
    async list(filter: ListFilter): Promise<ObservationView[]> {
      const session = await d.sync.session();
      if (!session) return [];
      const [entities, meta] = await Promise.all([
        session.storage.entities(),
        session.storage.meta(),
      ]);
      const unacked = await session.storage.outboxFrom((meta?.ackedSeq ?? 0) + 1, 100_000);
      const pending = new Set(unacked.map((e) => e.id));
      const items: ObservationView[] = [];
      for (const e of entities) {
        if (!isLive(e)) continue;
        if (filter.id && e.id !== filter.id) continue;
        const f = e.fields as {
          channel?: string;
          url?: string;
          competitorId?: string;
          tags?: string[];
          evidence?: { facts?: { canonicalUrl?: string } };
        };
        if (
          filter.pageUrl &&
          !samePage(
            { url: filter.pageUrl },
            { url: f.url, canonicalUrl: f.evidence?.facts?.canonicalUrl },
          )
        )
          continue;
        // The mirror holds exactly this person's rows (the server's sync scope:
        // every browser they paired); Recent keeps their web and event captures.
        if (filter.mine && !OWN_CHANNELS.has(f.channel ?? "")) continue;
        if (filter.competitorId && f.competitorId !== filter.competitorId) continue;
        if (filter.tag && !(f.tags ?? []).includes(filter.tag)) continue;
        items.push({
          id: e.id,
          fields: e.fields,
          createdBy: e.createdBy,
          pending: pending.has(e.id),
        });
      }
      return items.sort(byNewest).slice(0, filter.limit ?? 100);
    },
    update: (id: string, fields: Record<string, unknown>) => write("obs.patch", id, fields),
    remove: (id: string) => write("obs.delete", id),
    async eventNote(input: {
      text: string;
      photo?: string | undefined;
      competitorId?: string | undefined;
      basis?: EventNoteInput["basis"];
    }): Promise<WriteResult> {
      const settings: Settings = await d.settings.settings();
      if (!settings.eventMode.eventName.trim()) return { ok: false, error: "no-event" };
      if (!input.text.trim() && !input.photo) return { ok: false, error: "empty" };
      // The photo was stored by the UI page; never reference a blob we do not hold.
      if (input.photo && !(await d.blobs.get(input.photo)))
        return { ok: false, error: "photo-missing" };
      const config = await d.context.config();
      const competitor = config.competitors.find((c) => c.id === input.competitorId) ?? null;
      const fields = fieldsFromEventNote(
        {
          text: input.text,
          photo: input.photo,
          competitor: competitor && { id: competitor.id, name: competitor.name },
          basis: input.basis,
        },
        settings.eventMode,
        new Date(d.now()),
        await d.context.t(),
      );
      return write("obs.create", uuidv7(d.now()), fields);
    },
  };
}

export type ObservationService = ReturnType<typeof createObservationService>;
