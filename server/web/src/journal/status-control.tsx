// Insight status (draft → emerging → validated → actioned → stale). Validating
// an insight backed by one kind of data only asks for an explicit override
// reason, which is sent with the change.
import { useState } from "preact/hooks";
import { INSIGHT_STATUSES, type InsightStatus } from "../api/types.ts";
import { useI18n } from "../i18n/i18n.tsx";

type Props = {
  status: InsightStatus;
  singleSource: boolean;
  /** A reason given earlier; reused instead of asking again. */
  overrideReason?: string | null | undefined;
  onChange: (status: InsightStatus, overrideReason?: string) => void;
  disabled?: boolean;
  idPrefix: string;
};

const NEEDS_SOURCES: readonly InsightStatus[] = ["validated", "actioned"];

export function StatusControl({
  status,
  singleSource,
  overrideReason,
  onChange,
  disabled,
  idPrefix,
}: Props) {
  const { t } = useI18n();
  const [pending, setPending] = useState<InsightStatus | null>(null);
  const [reason, setReason] = useState("");

  const choose = (next: InsightStatus) => {
    if (next === status) return;
    const forward = INSIGHT_STATUSES.indexOf(next) > INSIGHT_STATUSES.indexOf(status);
    if (singleSource && forward && NEEDS_SOURCES.includes(next)) {
      if (overrideReason?.trim()) {
        onChange(next, overrideReason);
        return;
      }
      setPending(next);
      setReason("");
      return;
    }
    onChange(next);
  };

  return (
    <div class="status-control">
      <label class="inline">
        <span>{t("insight.status")}</span>
        <select
          id={`${idPrefix}-status`}
          class={`status-select st-${status}`}
          value={pending ?? status}
          disabled={disabled}
          onChange={(e) => choose(e.currentTarget.value as InsightStatus)}
        >
          {INSIGHT_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`status.${s}`)}
            </option>
          ))}
        </select>
      </label>
      {pending && (
        <form
          class="override"
          role="dialog"
          aria-labelledby={`${idPrefix}-override-title`}
          onSubmit={(e) => {
            e.preventDefault();
            if (!reason.trim()) return;
            onChange(pending, reason.trim());
            setPending(null);
          }}
        >
          <p id={`${idPrefix}-override-title`} class="override-title">
            <span aria-hidden="true">⚠</span> {t("override.title")}
          </p>
          <p class="hint">{t("override.explain")}</p>
          <label>
            {t("override.reason")}
            <textarea
              rows={2}
              required
              maxLength={2000}
              value={reason}
              onInput={(e) => setReason(e.currentTarget.value)}
            />
          </label>
          <div class="form-actions">
            <button type="button" class="btn ghost small" onClick={() => setPending(null)}>
              {t("action.cancel")}
            </button>
            <button type="submit" class="btn warn small" disabled={!reason.trim()}>
              {t("override.confirm", { status: t(`status.${pending}`) })}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
