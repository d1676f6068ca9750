// What the insight cards can do, applied to the open journal. Insight
// changes answer with the insight as the API shows it (corroboration and
// scorecard recomputed), so the page swaps that one insight in place rather
// than re-reading the whole journal; an answer without it falls back to a
// reload.
import type { Api } from "../api/client.ts";
import type { Action, Insight, JournalDetail } from "../api/types.ts";
import type { InsightOps } from "./insight-card.tsx";

type SetDetail = (update: (d: JournalDetail | undefined) => JournalDetail | undefined) => void;

const isInsight = (x: unknown): x is Insight =>
  !!x &&
  typeof x === "object" &&
  typeof (x as Insight).id === "string" &&
  Array.isArray((x as Insight).evidence);

const isAction = (x: unknown): x is Action =>
  !!x &&
  typeof x === "object" &&
  typeof (x as Action).id === "string" &&
  typeof (x as Action).status === "string";

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

export function makeInsightOps(
  api: Api,
  setDetail: SetDetail,
  reload: () => Promise<void>,
): InsightOps {
  const apply = async (answer: unknown) => {
    if (isInsight(answer)) setDetail((d) => replaceInsight(d, answer));
    else await reload();
  };
  return {
    patch: async (insightId, patch) => apply(await api.patchInsight(insightId, patch)),
    addEvidence: async (insightId, observationId, stance) =>
      apply(await api.addEvidence(insightId, observationId, stance)),
    removeEvidence: async (insightId, observationId) =>
      apply(await api.removeEvidence(insightId, observationId)),
    addAction: async (insightId, input) => {
      const r = await api.addAction(insightId, input);
      const action = r?.action;
      if (isAction(action)) {
        setDetail((d) =>
          mapActions(d, (i) => (i.id === insightId ? [...(i.actions ?? []), action] : i.actions)),
        );
      } else await reload();
    },
    actionStatus: async (actionId, status) => {
      const a = await api.patchAction(actionId, { status });
      if (isAction(a))
        setDetail((d) =>
          mapActions(d, (i) => (i.actions ?? []).map((x) => (x.id === a.id ? a : x))),
        );
      else await reload();
    },
  };
}
