// Gathering what an export renders: the journal, its insights as views,
// each evidence link with its observation (null when deleted since), and
// display names for the scope.
import type { Locale } from "@sightline/shared";
import type { AppDeps } from "../../app-deps.ts";
import { viewInsights } from "../../insights/service.ts";
import { typedObservationView } from "../../observations/view.ts";
import type { Journal, ObservationView } from "../model.ts";
import { workspaceContext } from "../workspace-context.ts";
import type { JournalExport } from "./journal-export.ts";

export async function gatherJournalExport(
  deps: Pick<AppDeps, "db" | "now">,
  ws: string,
  journal: Journal,
  locale: Locale,
): Promise<JournalExport> {
  const insights = await viewInsights(deps, ws, await deps.db.listInsights(ws, journal.id));
  const ids = [...new Set(insights.flatMap((i) => i.evidence.map((e) => e.observationId)))];
  const observations = new Map<string, ObservationView | null>(
    (await deps.db.getObservations(ws, ids)).map((e) => [e.id, typedObservationView(e)]),
  );
  const ctx = await workspaceContext(deps.db, ws);
  return {
    journal,
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
