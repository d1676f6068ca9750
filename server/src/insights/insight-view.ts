// An insight as the API shows it: stored record + corroboration (from its
// supporting evidence, counting only observations that still exist) +
// principles scorecard.
import type { Insight, InsightView, ObservationView } from "../journals/model.ts";
import { corroborate } from "./corroboration.ts";
import { summarisePrinciples } from "./principles.ts";

export type ObservationLookup = (
  id: string,
) => Pick<ObservationView, "channel" | "source"> | undefined;

export function viewInsight(insight: Insight, lookup: ObservationLookup): InsightView {
  const facts = insight.evidence.flatMap((e) => {
    const o = lookup(e.observationId);
    return o
      ? [{ observationId: e.observationId, stance: e.stance, channel: o.channel, source: o.source }]
      : [];
  });
  return {
    ...insight,
    corroboration: corroborate(facts),
    scorecard: summarisePrinciples(insight.principles),
  };
}
