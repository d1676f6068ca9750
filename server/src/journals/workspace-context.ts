// What suggestions, exports and analytics need to know about a workspace
// beyond observations: reason → need maps and behaviour labels from every
// store's config, store time zones, and display names.
import type { NeedCode } from "@sightline/shared";
import type { Db } from "../db/port.ts";

export type WorkspaceContext = {
  reasonNeeds: Map<string, NeedCode>;
  behaviourLabels: Map<string, { vi: string; en: string }>;
  storeNames: Record<string, string>;
  competitorNames: Record<string, string>;
  timeZoneOf: (storeId: string | undefined) => string | undefined;
};

export async function workspaceContext(
  db: Pick<Db, "listStores" | "listCompetitors">,
  workspaceId: string,
): Promise<WorkspaceContext> {
  const [stores, competitors] = await Promise.all([
    db.listStores(workspaceId),
    db.listCompetitors(workspaceId),
  ]);
  const reasonNeeds = new Map<string, NeedCode>();
  const behaviourLabels = new Map<string, { vi: string; en: string }>();
  const zones = new Map<string, string>();
  for (const s of stores) {
    zones.set(s.id, s.timeZone);
    for (const r of s.reasons) if (!reasonNeeds.has(r.code)) reasonNeeds.set(r.code, r.need);
    for (const b of s.behaviours) {
      if (!behaviourLabels.has(b.code))
        behaviourLabels.set(b.code, { vi: b.label_vi, en: b.label_en });
    }
  }
  return {
    reasonNeeds,
    behaviourLabels,
    storeNames: Object.fromEntries(stores.map((s) => [s.id, s.name])),
    competitorNames: Object.fromEntries(competitors.map((c) => [c.id, c.name])),
    timeZoneOf: (id) => (id ? zones.get(id) : undefined),
  };
}
