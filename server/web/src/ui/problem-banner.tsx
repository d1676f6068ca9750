// Shows a failed request clearly and in the user's language (problemText):
// what went wrong, which fields to check, and a retry when one is offered.
import { useI18n } from "../i18n/i18n.tsx";
import { problemText } from "./problem-text.ts";

type Props = { error: unknown; onRetry?: () => void };

export function ProblemBanner({ error, onRetry }: Props) {
  const { t } = useI18n();
  if (!error) return null;
  const { title, fields } = problemText(error, t);
  return (
    <div class="problem" role="alert">
      <strong>{title}</strong>
      {fields.length > 0 && (
        <p class="small">
          {t("problem.fields")}{" "}
          {fields.map((f) => (
            <code key={f}>{f}</code>
          ))}
        </p>
      )}
      {onRetry && (
        <button type="button" class="btn small" onClick={onRetry}>
          {t("action.retry")}
        </button>
      )}
    </div>
  );
}
