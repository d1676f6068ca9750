// The journal page: question and goal, stats, the merged timeline (the
// server's timeline query: filters and search over the whole journal),
// insight cards and suggestions side by side — as tabs on a phone; live while
// open. Managers edit, archive and restore the journal here, and delete
// insights and actions (sent at once; Undo restores them on the server).
import { useMemo, useState } from "preact/hooks";
import { listOf } from "../api/client.ts";
import type { Action, Insight, Observation, Suggestion } from "../api/types.ts";
import { useApp } from "../app-context.ts";
import { useI18n } from "../i18n/i18n.tsx";
import { ExportButtons } from "../journal/export-buttons.tsx";
import { InsightCard } from "../journal/insight-card.tsx";
import { makeInsightOps, replaceInsight } from "../journal/insight-ops.ts";
import { JournalForm, journalFields, journalInput } from "../journal/journal-form.tsx";
import { makeLookup } from "../journal/journal-lookup.ts";
import { type JournalTab, JournalTabs } from "../journal/journal-tabs.tsx";
import { LiveBadge } from "../journal/live-badge.tsx";
import { NeedsByChannelPanel } from "../journal/needs-by-channel-panel.tsx";
import { NewInsightForm } from "../journal/new-insight-form.tsx";
import { ScopeSummary } from "../journal/scope-summary.tsx";
import { StatsStrip } from "../journal/stats-strip.tsx";
import { SuggestionsColumn } from "../journal/suggestions-column.tsx";
import { Timeline } from "../journal/timeline.tsx";
import { EMPTY_FILTER, serverFilters, type TimelineFilter } from "../journal/timeline-filter.ts";
import { useEvidenceObservations } from "../journal/use-evidence-observations.ts";
import { useJournal } from "../journal/use-journal.ts";
import { useLiveReload } from "../journal/use-live-reload.ts";
import { useTimelineQuery } from "../journal/use-timeline-query.ts";
import { href } from "../route.ts";
import { canEdit as canEditRole } from "../session.ts";
import { ProblemBanner } from "../ui/problem-banner.tsx";
import { useTimeZone } from "../ui/time-zone.ts";
import { UndoToasts, useUndoQueue } from "../ui/undo-toast.tsx";
import { useAsync } from "../ui/use-async.ts";
import { useDocumentTitle } from "../ui/use-document-title.ts";

type Props = { id: string };

export function JournalPage({ id }: Props) {
  const { api, user } = useApp();
  const { t, locale } = useI18n();
  const timeZone = useTimeZone();
  const canEdit = canEditRole(user);
  const { detail } = useJournal(api, id);
  const [filter, setFilter] = useState<TimelineFilter>(EMPTY_FILTER);
  const filters = useMemo(() => serverFilters(filter), [filter]);
  const timeline = useTimelineQuery(api, id, filters);
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
    void timeline.reload();
    void suggestions.reload();
  });
  useDocumentTitle(detail.data?.journal.title);
  const [pickFor, setPickFor] = useState<string | null>(null);
  const [hovered, setHovered] = useState<ReadonlySet<string>>(new Set());
  const [tab, setTab] = useState<JournalTab>("timeline");
  const [editing, setEditing] = useState(false);
  const [notice, setNotice] = useState("");
  const [hiddenInsights, setHiddenInsights] = useState<ReadonlySet<string>>(new Set());
  const [hiddenActions, setHiddenActions] = useState<ReadonlySet<string>>(new Set());

  const lookup = useMemo(
    () => makeLookup(refs.data?.stores ?? [], refs.data?.competitors ?? [], locale),
    [refs.data, locale],
  );
  const insights: Insight[] = useMemo(
    () =>
      (detail.data?.insights ?? [])
        .filter((i) => !hiddenInsights.has(i.id))
        .map((i) =>
          i.actions.some((a) => hiddenActions.has(a.id))
            ? { ...i, actions: i.actions.filter((a) => !hiddenActions.has(a.id)) }
            : i,
        ),
    [detail.data, hiddenInsights, hiddenActions],
  );
  const loadedById = useMemo(
    () => new Map<string, Observation>(timeline.items.map((o) => [o.id, o])),
    [timeline.items],
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
  const undo = useUndoQueue(setOpError);
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
  // Deleting sends the DELETE at once and hides the item; Undo restores it on
  // the server (ui/undo-toast.tsx). The hidden set keeps it off screen until
  // the next read of the journal leaves it out; a failed delete or a restore
  // shows it again.
  const unhide = (set: typeof setHiddenInsights, itemId: string) =>
    set((s) => new Set([...s].filter((x) => x !== itemId)));
  const deleteInsight = (ins: Insight) => {
    setOpError(undefined);
    setHiddenInsights((s) => new Set([...s, ins.id]));
    undo.push({
      id: `insight:${ins.id}`,
      message: t("undo.insightDeleted", { title: shorten(ins.statement) }),
      remove: () => api.deleteInsight(ins.id).then(() => {}),
      restore: () => api.restoreInsight(ins.id).then(() => {}),
      show: () => {
        unhide(setHiddenInsights, ins.id);
        void detail.reload();
      },
    });
  };
  const deleteAction = (a: Action) => {
    setOpError(undefined);
    setHiddenActions((s) => new Set([...s, a.id]));
    undo.push({
      id: `action:${a.id}`,
      message: t("undo.actionDeleted", { title: shorten(a.title) }),
      remove: () => api.deleteAction(a.id).then(() => {}),
      restore: () => api.restoreAction(a.id).then(() => {}),
      show: () => {
        unhide(setHiddenActions, a.id);
        void detail.reload();
      },
    });
  };
  const setArchived = async (archived: boolean) => {
    setOpError(undefined);
    try {
      const journal = await api.archiveJournal(id, archived);
      detail.setData((d) => d && { ...d, journal: { ...d.journal, ...journal } });
      setNotice(t(archived ? "journal.archivedToast" : "journal.restoredToast"));
    } catch (e) {
      setOpError(e);
    }
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
  const stores = refs.data?.stores ?? [];
  const competitors = refs.data?.competitors ?? [];
  const storeNames = Object.fromEntries(stores.map((s) => [s.id, s.name]));
  const competitorNames = Object.fromEntries(competitors.map((c) => [c.id, c.name]));
  return (
    <section class="page wide journal-page">
      <div class="journal-head">
        <div class="journal-title">
          <p class="crumbs">
            <a href={href({ page: "journals", ...(j.archived ? { archived: true } : {}) })}>
              {t(j.archived ? "journals.showArchived" : "nav.journals")}
            </a>
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
          <ExportButtons api={api} journalId={id} />
          {canEdit && (
            <div class="lifecycle">
              <button
                type="button"
                class="btn small ghost"
                aria-expanded={editing}
                onClick={() => setEditing(!editing)}
              >
                {t("journal.edit")}
              </button>
              <button
                type="button"
                class="btn small ghost"
                onClick={() => void setArchived(!j.archived)}
              >
                {t(j.archived ? "journal.restore" : "journal.archive")}
              </button>
            </div>
          )}
        </div>
      </div>
      {j.archived && (
        <p class="archived-note" role="note">
          {t("journal.archivedNote")}
        </p>
      )}
      {notice && (
        <p class="notice small" role="status">
          {notice}
        </p>
      )}
      {editing && canEdit && (
        <JournalForm
          draftKey={`journal.edit.${id}`}
          initial={journalFields(j, timeZone)}
          stores={stores}
          competitors={competitors}
          submitLabel={t("action.save")}
          onSubmit={async (f) => {
            const journal = await api.patchJournal(id, journalInput(f, timeZone));
            detail.setData((d) => d && { ...d, journal: { ...d.journal, ...journal } });
            setEditing(false);
            setNotice(t("journal.saved"));
            void detail.reload();
            void timeline.reload();
          }}
        >
          <button type="button" class="btn ghost" onClick={() => setEditing(false)}>
            {t("action.cancel")}
          </button>
        </JournalForm>
      )}
      <StatsStrip stats={detail.data.stats} loaded={timeline.items.length} insights={insights} />
      <NeedsByChannelPanel stats={detail.data.stats} />
      <ProblemBanner error={detail.error} onRetry={detail.reload} />
      <ProblemBanner error={opError} />

      <JournalTabs
        value={tab}
        onChange={setTab}
        counts={{
          timeline: timeline.total,
          insights: insights.length,
          suggestions: (openSuggestions?.length ?? 0) + (openTimeLinks?.length ?? 0),
        }}
      />
      <div class="journal-grid" data-active-tab={tab}>
        <Timeline
          query={timeline}
          filter={filter}
          onFilter={setFilter}
          journalTotal={detail.data.stats?.total}
          stores={stores}
          competitors={competitors}
          lookup={lookup}
          linkedBy={linkedBy}
          pick={pick}
          highlighted={hovered}
          canEdit={canEdit}
        />
        <section class="insights" aria-labelledby="insights-title" data-tab="insights">
          <div class="section-head">
            <h2 id="insights-title">{t("insights.title")}</h2>
            {canEdit && (
              <NewInsightForm
                journalId={id}
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
              onTogglePick={() => {
                setPickFor(pickFor === ins.id ? null : ins.id);
                if (pickFor !== ins.id) setTab("timeline");
              }}
              onDelete={() => deleteInsight(ins)}
              onDeleteAction={deleteAction}
            />
          ))}
        </section>
        <div class="suggestions-wrap" data-tab="suggestions">
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
      </div>
      <UndoToasts pending={undo.pending} onUndo={undo.undo} onDismiss={undo.dismiss} />
    </section>
  );
}

function shorten(s: string, max = 60): string {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}
