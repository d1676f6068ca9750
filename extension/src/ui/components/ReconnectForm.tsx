import { useState } from "preact/hooks";
import { useClient } from "../client-context.ts";
import { useI18n } from "../i18n.ts";

/**
 * Re-admission of a revoked install: a new code from a manager, the same
 * device id and unsent changes. A refusal (wrong code, id taken, offline)
 * changes nothing and says so.
 */
export function ReconnectForm() {
  const client = useClient();
  const { t } = useI18n();
  const [code, setCode] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const r = await client.request({ type: "reconnect", code: code.trim() });
      // On success the status leaves "unauthorized" and the page drops this form.
      if (!r.ok) setError(`${t(`options.pairError.${r.error}`)} ${t("reconnect.kept")}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="reconnect" onSubmit={submit} data-testid="reconnect-form">
      <h2>{t("reconnect.button")}</h2>
      <p class="muted">{t("reconnect.intro")}</p>
      <label>
        <span>{t("options.code")}</span>
        <input
          required
          autoComplete="off"
          minLength={4}
          maxLength={32}
          value={code}
          onInput={(e) => setCode(e.currentTarget.value)}
          data-testid="reconnect-code"
        />
      </label>
      <button type="submit" class="primary" disabled={busy} data-testid="reconnect">
        {busy ? t("reconnect.working") : t("reconnect.submit")}
      </button>
      {error && (
        <p class="error" role="alert" data-testid="reconnect-error">
          {error}
        </p>
      )}
    </form>
  );
}
