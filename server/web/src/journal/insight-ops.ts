// What the insight cards can do, applied to the open journal. Insight
// changes answer with the insight as the API shows it (corroboration and
// scorecard recomputed; the client has parsed it with the shared schema), so
// the page swaps that one insight in place rather than re-reading the whole
// journal.
import type { Api } from "../api/client.ts";
import type { Action, Insight, JournalDetail } from "../api/types.ts";
import type { InsightOps } from "./insight-card.tsx";

type SetDetail = (update: (d: JournalDetail | undefined) => JournalDetail | undefined) => void;

export function replaceInsight(
  d: JournalDetail | undefined,
  view: Insight,
): JournalDetail | undefined {
  if (!d) return d;
  const known = d.insights.some((i) => i.id === view.id);
  return {
    ...d,
    insights: known ? d.insights.map((i) => (i.id === view.id ? view : i)) : [...d.insights, view],
  };
}

function mapActions(
  d: JournalDetail | undefined,
  f: (insight: Insight) => Action[],
): JournalDetail | undefined {
  return d && { ...d, insights: d.insights.map((i) => ({ ...i, actions: f(i) })) };
}

export function makeInsightOps(api: Api, setDetail: SetDetail): InsightOps {
  const apply = (answer: Insight) => setDetail((d) => replaceInsight(d, answer));
  return {
    patch: async (insightId, patch) => apply(await api.patchInsight(insightId, patch)),
    addEvidence: async (insightId, observationId, stance) =>
      apply(await api.addEvidence(insightId, observationId, stance)),
    removeEvidence: async (insightId, observationId) =>
      apply(await api.removeEvidence(insightId, observationId)),
    addAction: async (insightId, input) => {
      const { action } = await api.addAction(insightId, input);
      setDetail((d) =>
        mapActions(d, (i) => (i.id === insightId ? [...i.actions, action] : i.actions)),
      );
    },
    actionStatus: async (actionId, status) => {
      const a = await api.patchAction(actionId, { status });
      setDetail((d) => mapActions(d, (i) => i.actions.map((x) => (x.id === a.id ? a : x))));
    },
  };
}
