// Shows a failed request clearly: the server's problem title and detail, the
// per-field errors, "cannot reach the server" for a network failure, or
// "the server's answer was not understood" when a response fails its schema.
import { ApiError } from "../api/problem.ts";
import { useI18n } from "../i18n/i18n.tsx";

type Props = { error: unknown; onRetry?: () => void };

export function ProblemBanner({ error, onRetry }: Props) {
  const { t } = useI18n();
  if (!error) return null;
  const e = error instanceof ApiError ? error : undefined;
  const title = e?.isNetwork
    ? t("error.network")
    : e?.isUnexpected
      ? t("error.unexpectedResponse", { request: e.title })
      : e
        ? t("problem.title", { status: e.status, title: e.title })
        : t("error.generic", { detail: String(error) });
  return (
    <div class="problem" role="alert">
      <strong>{title}</strong>
      {e?.detail && !e.isNetwork && <p>{e.detail}</p>}
      {e && e.errors.length > 0 && (
        <ul>
          {e.errors.map((f) => (
            <li key={`${f.path}:${f.message}`}>
              {f.path && <code>{f.path}</code>} {f.message}
            </li>
          ))}
        </ul>
      )}
      {onRetry && (
        <button type="button" class="btn small" onClick={onRetry}>
          {t("action.retry")}
        </button>
      )}
    </div>
  );
}
