// Insight status (draft → emerging → validated → actioned → stale). Validating
// an insight backed by one kind of data only asks for an explicit override
// reason, which is sent with the change.
import { useState } from "preact/hooks";
import { INSIGHT_STATUSES, type InsightStatus } from "../api/types.ts";
import { useI18n } from "../i18n/i18n.tsx";
import { ProblemBanner } from "../ui/problem-banner.tsx";

type Props = {
  status: InsightStatus;
  singleSource: boolean;
  /** A reason given earlier; reused instead of asking again. */
  overrideReason?: string | null | undefined;
  /** May return a promise; when it rejects, the reason typed stays and the failure shows. */
  onChange: (status: InsightStatus, overrideReason?: string) => void | Promise<void>;
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
  const [error, setError] = useState<unknown>(undefined);
  const send = async (next: InsightStatus, why?: string): Promise<boolean> => {
    setError(undefined);
    try {
      await (why === undefined ? onChange(next) : onChange(next, why));
      return true;
    } catch (e) {
      setError(e);
      return false;
    }
  };

  const choose = (next: InsightStatus) => {
    if (next === status) return;
    const forward = INSIGHT_STATUSES.indexOf(next) > INSIGHT_STATUSES.indexOf(status);
    if (singleSource && forward && NEEDS_SOURCES.includes(next)) {
      if (overrideReason?.trim()) {
        void send(next, overrideReason);
        return;
      }
      setPending(next);
      setReason("");
      return;
    }
    void send(next);
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
          onSubmit={async (e) => {
            e.preventDefault();
            if (!reason.trim()) return;
            // The reason stays on screen until the server has it.
            if (await send(pending, reason.trim())) setPending(null);
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
          <ProblemBanner error={error} />
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
      {!pending && <ProblemBanner error={error} />}
    </div>
  );
}
