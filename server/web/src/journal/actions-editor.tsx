// An insight ends in actions: title, owner, due date and status.
import { useState } from "preact/hooks";
import { ACTION_STATUSES, type Action, type ActionStatus } from "../api/types.ts";
import { useI18n } from "../i18n/i18n.tsx";
import { formatDate } from "../ui/format.ts";

type Props = {
  actions: readonly Action[];
  onAdd: (input: { title: string; owner?: string; due?: string }) => Promise<void>;
  onStatus: (actionId: string, status: ActionStatus) => void;
  disabled?: boolean;
  idPrefix: string;
};

export function ActionsEditor({ actions, onAdd, onStatus, disabled, idPrefix }: Props) {
  const { t, locale } = useI18n();
  const [title, setTitle] = useState("");
  const [owner, setOwner] = useState("");
  const [due, setDue] = useState("");
  const [busy, setBusy] = useState(false);
  const today = new Date().toISOString().slice(0, 10);

  const submit = async (e: Event) => {
    e.preventDefault();
    if (!title.trim()) return;
    setBusy(true);
    try {
      await onAdd({
        title: title.trim(),
        ...(owner.trim() ? { owner: owner.trim() } : {}),
        ...(due ? { due } : {}),
      });
      setTitle("");
      setOwner("");
      setDue("");
    } finally {
      setBusy(false);
    }
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
            onInput={(e) => setTitle(e.currentTarget.value)}
          />
          <input
            aria-label={t("action.owner")}
            placeholder={t("action.owner")}
            maxLength={200}
            value={owner}
            onInput={(e) => setOwner(e.currentTarget.value)}
          />
          <input
            type="date"
            aria-label={t("action.dueLabel")}
            value={due}
            onInput={(e) => setDue(e.currentTarget.value)}
          />
          <button type="submit" class="btn small" disabled={busy || !title.trim()}>
            {t("action.add")}
          </button>
        </form>
      )}
    </div>
  );
}
