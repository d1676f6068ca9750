// Gathering what an export renders: the journal, its insights as views,
// each evidence link with its observation (null when deleted since), display
// names for the scope, the summary counts, the workspace's time zone, and —
// for HTML and zip — the screenshots' bytes.
import { CHANNEL_CODES, type Locale } from "@sightline/shared";
import type { AppDeps } from "../../app-deps.ts";
import { viewInsights } from "../../insights/service.ts";
import { typedObservationView } from "../../observations/view.ts";
import type { Journal, ObservationView } from "../model.ts";
import { workspaceTimeZone } from "../timeline/query.ts";
import { workspaceContext } from "../workspace-context.ts";
import type { ExportImage, ExportSummary, JournalExport } from "./journal-export.ts";

/** Screenshots above this many bytes in all stay links (a bounded export). */
export const MAX_EMBEDDED_BYTES = 50 * 1024 * 1024;

export async function gatherJournalExport(
  deps: Pick<AppDeps, "db" | "now"> & Partial<Pick<AppDeps, "blobs">>,
  ws: string,
  journal: Journal,
  locale: Locale,
  o: { images?: boolean } = {},
): Promise<JournalExport> {
  const insights = await viewInsights(deps, ws, await deps.db.listInsights(ws, journal.id));
  const ids = [...new Set(insights.flatMap((i) => i.evidence.map((e) => e.observationId)))];
  const observations = new Map<string, ObservationView | null>(
    (await deps.db.getObservations(ws, ids)).map((e) => [e.id, typedObservationView(e)]),
  );
  const [ctx, stores, byChannel] = await Promise.all([
    workspaceContext(deps.db, ws),
    deps.db.listStores(ws),
    channelCounts(deps, ws, journal),
  ]);
  const insightsByStatus: ExportSummary["insightsByStatus"] = {};
  for (const i of insights) insightsByStatus[i.status] = (insightsByStatus[i.status] ?? 0) + 1;
  const images = new Map<string, ExportImage>();
  if (o.images && deps.blobs) {
    let bytes = 0;
    for (const o of observations.values()) {
      const sha = o?.evidence?.screenshot;
      if (!sha || images.has(sha)) continue;
      const blob = await deps.blobs.get(ws, sha);
      if (!blob || bytes + blob.bytes.length > MAX_EMBEDDED_BYTES) continue;
      bytes += blob.bytes.length;
      images.set(sha, blob);
    }
  }
  return {
    journal,
    summary: {
      observations: Object.values(byChannel).reduce((a, b) => a + b, 0),
      byChannel,
      insightsByStatus,
    },
    timeZone: workspaceTimeZone(stores),
    ...(o.images ? { images } : {}),
    insights: insights.map((i) => ({
      ...i,
      evidence: i.evidence.map((e) => ({
        ...e,
        observation: observations.get(e.observationId) ?? null,
      })),
    })),
    generatedAt: (deps.now?.() ?? new Date()).toISOString(),
    locale,
    names: { stores: ctx.storeNames, competitors: ctx.competitorNames },
  };
}

/** Observations of the journal's whole scope per channel (exact counts, the timeline's query). */
async function channelCounts(deps: Pick<AppDeps, "db">, ws: string, journal: Journal) {
  const counts = await Promise.all(
    CHANNEL_CODES.map(async (channel) => {
      const r = await deps.db.queryTimeline(ws, {
        scope: journal.scope,
        channels: [channel],
        limit: 1,
      });
      return [channel, r.total] as const;
    }),
  );
  return Object.fromEntries(counts) as Record<string, number>;
}
