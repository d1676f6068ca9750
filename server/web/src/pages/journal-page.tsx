// The journal page: question and goal, stats, the merged timeline, insight
// cards and suggestions side by side; live while open.
import { useMemo, useState } from "preact/hooks";
import { listOf } from "../api/client.ts";
import type { Insight, Observation, Suggestion } from "../api/types.ts";
import { useApp } from "../app-context.ts";
import { useI18n } from "../i18n/i18n.tsx";
import { ExportButtons } from "../journal/export-buttons.tsx";
import { InsightCard } from "../journal/insight-card.tsx";
import { makeInsightOps, replaceInsight } from "../journal/insight-ops.ts";
import { makeLookup } from "../journal/journal-lookup.ts";
import { LiveBadge } from "../journal/live-badge.tsx";
import { NeedsByChannelPanel } from "../journal/needs-by-channel-panel.tsx";
import { NewInsightForm } from "../journal/new-insight-form.tsx";
import { ScopeSummary } from "../journal/scope-summary.tsx";
import { StatsStrip } from "../journal/stats-strip.tsx";
import { SuggestionsColumn } from "../journal/suggestions-column.tsx";
import { Timeline } from "../journal/timeline.tsx";
import { useEvidenceObservations } from "../journal/use-evidence-observations.ts";
import { useJournal } from "../journal/use-journal.ts";
import { useLiveReload } from "../journal/use-live-reload.ts";
import { href } from "../route.ts";
import { canEdit as canEditRole } from "../session.ts";
import { ProblemBanner } from "../ui/problem-banner.tsx";
import { useAsync } from "../ui/use-async.ts";
import { useDocumentTitle } from "../ui/use-document-title.ts";

type Props = { id: string };

export function JournalPage({ id }: Props) {
  const { api, user } = useApp();
  const { t, locale } = useI18n();
  const canEdit = canEditRole(user);
  const { detail, timeline, fresh, loadMore, hasMore } = useJournal(api, id);
  const suggestions = useAsync(() => api.suggestions(id, locale), [api, id, locale]);
  const refs = useAsync(async () => {
    const [stores, competitors] = await Promise.all([
      api
        .stores()
        .then((r) => listOf(r))
        .catch(() => []),
      api
        .competitors()
        .then((r) => listOf(r))
        .catch(() => []),
    ]);
    return { stores, competitors };
  }, [api]);
  const live = useLiveReload(() => {
    void detail.reload();
    void suggestions.reload();
  });
  useDocumentTitle(detail.data?.journal.title);
  const [pickFor, setPickFor] = useState<string | null>(null);
  const [hovered, setHovered] = useState<ReadonlySet<string>>(new Set());

  const lookup = useMemo(
    () => makeLookup(refs.data?.stores ?? [], refs.data?.competitors ?? [], locale),
    [refs.data, locale],
  );
  const insights: Insight[] = detail.data?.insights ?? [];
  const loadedById = useMemo(
    () => new Map<string, Observation>(timeline.map((o) => [o.id, o])),
    [timeline],
  );
  const byId = useEvidenceObservations(api, insights, loadedById);
  const linkedBy = useMemo(() => {
    const m = new Map<string, number[]>();
    insights.forEach((ins, i) => {
      for (const e of ins.evidence ?? [])
        m.set(e.observationId, [...(m.get(e.observationId) ?? []), i + 1]);
    });
    return m;
  }, [insights]);
  const [openSuggestions, openTimeLinks] = useMemo(() => {
    const used = insights.map((i) => new Set((i.evidence ?? []).map((e) => e.observationId)));
    const open = (list: Suggestion[] | undefined) =>
      list?.filter((s) => !used.some((u) => s.observationIds.every((o) => u.has(o))));
    return [open(suggestions.data?.suggestions), open(suggestions.data?.timeLinks)];
  }, [suggestions.data, insights]);

  const [opError, setOpError] = useState<unknown>(undefined);
  const ops = makeInsightOps(api, detail.setData);
  const accept = async (s: Suggestion) => {
    const r = await api.createInsight(id, {
      statement: s.title,
      needs: s.needs,
      evidence: s.observationIds.map((observationId) => ({
        observationId,
        stance: "supports" as const,
      })),
    });
    setHovered(new Set());
    const created = r.insight;
    if (created) detail.setData((d) => replaceInsight(d, created));
    else await detail.reload();
  };

  const pickIndex = insights.findIndex((i) => i.id === pickFor);
  const pickInsight = pickIndex >= 0 ? insights[pickIndex] : undefined;
  const pick = pickInsight
    ? {
        insightNumber: pickIndex + 1,
        onPick: (observationId: string, stance: "supports" | "contradicts" | "context") => {
          setOpError(undefined);
          ops.addEvidence(pickInsight.id, observationId, stance).catch(setOpError);
        },
      }
    : null;

  if (!detail.data) {
    return (
      <section class="page">
        <p class="crumbs">
          <a href={href({ page: "journals" })}>{t("nav.journals")}</a>
        </p>
        <ProblemBanner error={detail.error} onRetry={detail.reload} />
        {detail.loading && <p class="muted">{t("state.loading")}</p>}
      </section>
    );
  }

  const j = detail.data.journal;
  const storeNames = Object.fromEntries((refs.data?.stores ?? []).map((s) => [s.id, s.name]));
  const competitorNames = Object.fromEntries(
    (refs.data?.competitors ?? []).map((c) => [c.id, c.name]),
  );
  return (
    <section class="page wide journal-page">
      <div class="journal-head">
        <div>
          <p class="crumbs">
            <a href={href({ page: "journals" })}>{t("nav.journals")}</a>
          </p>
          <h1>{j.title}</h1>
          {j.question && (
            <p class="question">
              <span class="label">{t("journal.question")}</span> {j.question}
            </p>
          )}
          {j.goal && (
            <p class="goal">
              <span class="label">{t("journal.goal")}</span> {j.goal}
            </p>
          )}
          <ScopeSummary
            scope={j.scope ?? {}}
            storeNames={storeNames}
            competitorNames={competitorNames}
          />
        </div>
        <div class="journal-tools">
          <LiveBadge state={live} />
          <ExportButtons api={api} journalId={id} fileStem={fileStem(j.title)} />
        </div>
      </div>
      <StatsStrip stats={detail.data.stats} loaded={timeline.length} insights={insights} />
      <NeedsByChannelPanel stats={detail.data.stats} />
      <ProblemBanner error={detail.error} onRetry={detail.reload} />
      <ProblemBanner error={opError} />

      <div class="journal-grid">
        <Timeline
          items={timeline}
          lookup={lookup}
          linkedBy={linkedBy}
          pick={pick}
          fresh={fresh}
          highlighted={hovered}
          canEdit={canEdit}
          hasMore={hasMore}
          onLoadMore={() => void loadMore()}
        />
        <section class="insights" aria-labelledby="insights-title">
          <div class="section-head">
            <h2 id="insights-title">{t("insights.title")}</h2>
            {canEdit && (
              <NewInsightForm
                onCreate={async (statement) => {
                  const r = await api.createInsight(id, { statement, evidence: [] });
                  const created = r.insight;
                  if (created) detail.setData((d) => replaceInsight(d, created));
                  else await detail.reload();
                }}
              />
            )}
          </div>
          {insights.length === 0 && <p class="empty">{t("insights.empty")}</p>}
          {insights.map((ins, i) => (
            <InsightCard
              key={ins.id}
              insight={ins}
              number={i + 1}
              byId={byId}
              ops={ops}
              canEdit={canEdit}
              picking={pickFor === ins.id}
              onTogglePick={() => setPickFor(pickFor === ins.id ? null : ins.id)}
            />
          ))}
        </section>
        <SuggestionsColumn
          suggestions={openSuggestions}
          timeLinks={openTimeLinks}
          lookup={lookup}
          loading={suggestions.loading}
          error={suggestions.error}
          onRetry={suggestions.reload}
          onAccept={accept}
          onHover={(ids) => setHovered(new Set(ids))}
          canEdit={canEdit}
        />
      </div>
    </section>
  );
}

function fileStem(title: string): string {
  const s = title
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/đ/gi, "d")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
  return s || "journal";
}
