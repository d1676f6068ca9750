// An insight ends in actions: title, owner, due date and status. The form's
// text is a draft (kept across reloads) until the server has the action; a
// failed add keeps it, says why and offers to try again.
import { useState } from "preact/hooks";
import { ACTION_STATUSES, type Action, type ActionStatus } from "../api/types.ts";
import { useI18n } from "../i18n/i18n.tsx";
import { formatDate } from "../ui/format.ts";
import { ProblemBanner } from "../ui/problem-banner.tsx";
import { useDraft } from "../ui/use-draft.ts";

type ActionInput = { title: string; owner?: string; due?: string };

type Props = {
  actions: readonly Action[];
  /** Rejects when the action was not saved (the form then keeps its text). */
  onAdd: (input: ActionInput) => Promise<void>;
  onStatus: (actionId: string, status: ActionStatus) => void;
  onDelete?: (action: Action) => void;
  disabled?: boolean;
  idPrefix: string;
};

const EMPTY = { title: "", owner: "", due: "" };

export function ActionsEditor({ actions, onAdd, onStatus, onDelete, disabled, idPrefix }: Props) {
  const { t, locale } = useI18n();
  const [draft, setDraft, clearDraft] = useDraft(`action.${idPrefix}`, EMPTY);
  const { title, owner, due } = draft;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const today = new Date().toISOString().slice(0, 10);

  const save = async () => {
    if (!title.trim() || busy) return;
    setBusy(true);
    setError(undefined);
    try {
      await onAdd({
        title: title.trim(),
        ...(owner.trim() ? { owner: owner.trim() } : {}),
        ...(due ? { due } : {}),
      });
      clearDraft();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const submit = (e: Event) => {
    e.preventDefault();
    void save();
  };

  return (
    <div class="actions">
      {actions.length > 0 && (
        <ul class="action-list">
          {actions.map((a) => {
            const overdue =
              (a.status === "todo" || a.status === "doing") &&
              !!a.due &&
              a.due.slice(0, 10) < today;
            return (
              <li key={a.id} class={`action st-${a.status}`}>
                <span class="action-title">{a.title}</span>
                <span class="small muted">
                  {a.owner && <span>{a.owner}</span>}
                  {a.due && (
                    <span class={overdue ? "overdue" : undefined}>
                      {" "}
                      ·{" "}
                      {t(overdue ? "action.overdue" : "action.due", {
                        date: formatDate(a.due, locale),
                      })}
                    </span>
                  )}
                </span>
                <select
                  aria-label={t("action.statusOf", { title: a.title })}
                  value={a.status}
                  disabled={disabled}
                  onChange={(e) => onStatus(a.id, e.currentTarget.value as ActionStatus)}
                >
                  {ACTION_STATUSES.map((s) => (
                    <option key={s} value={s}>
                      {t(`actionStatus.${s}`)}
                    </option>
                  ))}
                </select>
                {onDelete && !disabled && (
                  <button
                    type="button"
                    class="icon-btn"
                    aria-label={t("action.delete", { title: a.title })}
                    title={t("action.delete", { title: a.title })}
                    onClick={() => onDelete(a)}
                  >
                    ×
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {!disabled && (
        <form class="action-form" onSubmit={submit}>
          <input
            id={`${idPrefix}-action-title`}
            aria-label={t("action.title")}
            placeholder={t("action.titlePlaceholder")}
            maxLength={500}
            value={title}
            onInput={(e) => {
              const v = e.currentTarget.value;
              setDraft((d) => ({ ...d, title: v }));
            }}
          />
          <input
            aria-label={t("action.owner")}
            placeholder={t("action.owner")}
            maxLength={200}
            value={owner}
            onInput={(e) => {
              const v = e.currentTarget.value;
              setDraft((d) => ({ ...d, owner: v }));
            }}
          />
          <input
            type="date"
            aria-label={t("action.dueLabel")}
            value={due}
            onInput={(e) => {
              const v = e.currentTarget.value;
              setDraft((d) => ({ ...d, due: v }));
            }}
          />
          <button type="submit" class="btn small" disabled={busy || !title.trim()}>
            {busy ? t("form.saving") : t("action.add")}
          </button>
          <ProblemBanner error={error} onRetry={() => void save()} />
        </form>
      )}
    </div>
  );
}
