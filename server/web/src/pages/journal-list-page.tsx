// All journals of the workspace, newest first, with their question and scope.

import { listOf } from "../api/client.ts";
import { useApp } from "../app-context.ts";
import { useI18n } from "../i18n/i18n.tsx";
import { ScopeSummary } from "../journal/scope-summary.tsx";
import { href } from "../route.ts";
import { canEdit } from "../session.ts";
import { formatDate } from "../ui/format.ts";
import { ProblemBanner } from "../ui/problem-banner.tsx";
import { useAsync } from "../ui/use-async.ts";
import { useDocumentTitle } from "../ui/use-document-title.ts";

export function JournalListPage() {
  const { api, user } = useApp();
  const { t, locale } = useI18n();
  useDocumentTitle(t("journals.title"));
  const list = useAsync(async () => {
    const items = listOf(await api.journals());
    return items.sort((a, b) => Date.parse(b.updatedAt) - Date.parse(a.updatedAt) || 0);
  }, [api]);

  return (
    <section class="page">
      <div class="page-head">
        <div>
          <h1>{t("journals.title")}</h1>
          <p class="muted">{t("journals.lead")}</p>
        </div>
        {canEdit(user) && (
          <a class="btn primary" href={href({ page: "journal-new" })}>
            {t("journals.new")}
          </a>
        )}
      </div>
      <ProblemBanner error={list.error} onRetry={list.reload} />
      {list.loading && !list.data && <p class="muted">{t("state.loading")}</p>}
      {list.data?.length === 0 && (
        <div class="empty card">
          <p>{t("journals.empty")}</p>
        </div>
      )}
      <ul class="journal-list">
        {list.data?.map((j) => (
          <li key={j.id} class="card journal-row">
            <a href={href({ page: "journal", id: j.id })} class="journal-link">
              <h2>{j.title}</h2>
              {j.question && <p class="question">{j.question}</p>}
            </a>
            <ScopeSummary scope={j.scope ?? {}} />
            <p class="meta muted">
              {[
                j.goal && t("journals.goal", { goal: j.goal }),
                t("journals.observations", { count: j.observationCount }),
                t("journals.insights", { count: j.insightCount }),
                t("journals.updated", { date: formatDate(j.updatedAt, locale) }),
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
