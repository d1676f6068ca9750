// Create a journal: a question, a business goal and the scope of observations
// it draws on. Only roles that may create one are offered the form.
import { listOf } from "../api/client.ts";
import { useApp } from "../app-context.ts";
import { useI18n } from "../i18n/i18n.tsx";
import { EMPTY_JOURNAL, JournalForm, journalInput } from "../journal/journal-form.tsx";
import { href, navigate } from "../route.ts";
import { canEdit } from "../session.ts";
import { ProblemBanner } from "../ui/problem-banner.tsx";
import { useTimeZone } from "../ui/time-zone.ts";
import { useAsync } from "../ui/use-async.ts";
import { useDocumentTitle } from "../ui/use-document-title.ts";

export function JournalNewPage() {
  const { api, user } = useApp();
  const { t } = useI18n();
  const timeZone = useTimeZone();
  useDocumentTitle(t("journalNew.title"));
  const allowed = canEdit(user);
  const refs = useAsync(async () => {
    if (!allowed) return { stores: [], competitors: [] };
    const [stores, competitors] = await Promise.all([
      api.stores().then((r) => listOf(r)),
      api.competitors().then((r) => listOf(r)),
    ]);
    return { stores, competitors };
  }, [api, allowed]);

  return (
    <section class="page narrow">
      <p class="crumbs">
        <a href={href({ page: "journals" })}>{t("nav.journals")}</a>
      </p>
      <h1>{t("journalNew.title")}</h1>
      {!allowed ? (
        <p class="card empty" data-testid="journal-new-forbidden">
          {t("journalNew.forbidden")}
        </p>
      ) : (
        <>
          <p class="muted">{t("journalNew.lead")}</p>
          <ProblemBanner error={refs.error} onRetry={refs.reload} />
          <JournalForm
            draftKey="journal.new"
            initial={EMPTY_JOURNAL}
            stores={refs.data?.stores ?? []}
            competitors={refs.data?.competitors ?? []}
            submitLabel={t("journalNew.create")}
            onSubmit={async (f) => {
              const r = await api.createJournal(journalInput(f, timeZone));
              navigate({ page: "journal", id: r.id });
            }}
          >
            <a class="btn ghost" href={href({ page: "journals" })}>
              {t("action.cancel")}
            </a>
          </JournalForm>
        </>
      )}
    </section>
  );
}
