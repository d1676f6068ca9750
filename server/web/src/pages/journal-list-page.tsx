// All journals of the workspace, newest first, with their question and scope
// (store and competitor names, dates in the workspace's time zone) — or the
// archived ones, which stay readable and exportable.
import { listOf } from "../api/client.ts";
import { useApp } from "../app-context.ts";
import { useI18n } from "../i18n/i18n.tsx";
import { ScopeSummary } from "../journal/scope-summary.tsx";
import { href } from "../route.ts";
import { canEdit } from "../session.ts";
import { formatDate } from "../ui/format.ts";
import { ProblemBanner } from "../ui/problem-banner.tsx";
import { useTimeZone } from "../ui/time-zone.ts";
import { useAsync } from "../ui/use-async.ts";
import { useDocumentTitle } from "../ui/use-document-title.ts";

export function JournalListPage({ archived = false }: { archived?: boolean }) {
  const { api, user } = useApp();
  const { t, locale } = useI18n();
  const timeZone = useTimeZone();
  const title = archived ? t("journals.showArchived") : t("journals.title");
  useDocumentTitle(title);
  const list = useAsync(async () => {
    const items = listOf(await api.journals(archived ? { archived: true } : {}));
    // An older server ignores ?archived: keep only what this view is for.
    return items
      .filter((j) => !!j.archived === archived)
      .sort((a, b) => Date.parse(b.updatedAt) - Date.parse(a.updatedAt) || 0);
  }, [api, archived]);
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
    return {
      stores: Object.fromEntries(stores.map((s) => [s.id, s.name])),
      competitors: Object.fromEntries(competitors.map((c) => [c.id, c.name])),
    };
  }, [api]);

  return (
    <section class="page">
      <div class="page-head">
        <div>
          {archived && (
            <p class="crumbs">
              <a href={href({ page: "journals" })}>{t("nav.journals")}</a>
            </p>
          )}
          <h1>{title}</h1>
          {!archived && <p class="muted">{t("journals.lead")}</p>}
        </div>
        <div class="lifecycle">
          {!archived && (
            <a
              class="btn ghost small archived-toggle"
              href={href({ page: "journals", archived: true })}
            >
              {t("journals.showArchived")}
            </a>
          )}
          {!archived && canEdit(user) && (
            <a class="btn primary" href={href({ page: "journal-new" })}>
              {t("journals.new")}
            </a>
          )}
        </div>
      </div>
      <ProblemBanner error={list.error} onRetry={list.reload} />
      {list.loading && !list.data && <p class="muted">{t("state.loading")}</p>}
      {list.data?.length === 0 && (
        <div class="empty card">
          <p>{archived ? t("journals.archivedEmpty") : t("journals.empty")}</p>
        </div>
      )}
      <ul class="journal-list">
        {list.data?.map((j) => (
          <li key={j.id} class="card journal-row" data-journal-id={j.id}>
            <a href={href({ page: "journal", id: j.id })} class="journal-link">
              <h2>{j.title}</h2>
              {j.question && <p class="question">{j.question}</p>}
            </a>
            <ScopeSummary
              scope={j.scope ?? {}}
              storeNames={refs.data?.stores ?? {}}
              competitorNames={refs.data?.competitors ?? {}}
            />
            <p class="meta muted">
              {[
                j.goal && t("journals.goal", { goal: j.goal }),
                t("journals.observations", { count: j.observationCount }),
                t("journals.insights", { count: j.insightCount }),
                t("journals.updated", { date: formatDate(j.updatedAt, locale, timeZone) }),
              ]
                .filter(Boolean)
                .join(" · ")}
              {j.archived && <span class="tag">{t("journals.archived")}</span>}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
