// Re-admission of a revoked tablet: a new code from a manager, the same
// device id, PIN and queue. A refusal (wrong code, id taken, offline) changes
// nothing and says so.
import { useState } from "preact/hooks";
import { useI18n } from "./i18n.tsx";
import { useKiosk } from "./kiosk-context.ts";
import { pairErrorMessage } from "./pair-error.ts";

export type ReconnectFormProps = { serverUrl: string };

export function ReconnectForm({ serverUrl }: ReconnectFormProps) {
  const { t } = useI18n();
  const { api } = useKiosk();
  const [open, setOpen] = useState(false);
  const [code, setCode] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  if (!open) {
    return (
      <button
        type="button"
        class="button button--primary"
        data-testid="reconnect"
        onClick={() => setOpen(true)}
      >
        {t("reconnect.button")}
      </button>
    );
  }

  const submit = async (e: Event) => {
    e.preventDefault();
    if (!code.trim()) return setError(t("pair.error.codeEmpty"));
    setBusy(true);
    setError(null);
    try {
      const r = await api.reconnect(code);
      // On success the status leaves "unauthorized" and the panel drops this form.
      if (!r.ok) {
        const why = pairErrorMessage(t, r.error, { server: serverUrl, status: r.status });
        setError(`${why} ${t("reconnect.kept")}`);
      }
    } catch (err) {
      setError(t("error.generic", { detail: err instanceof Error ? err.message : String(err) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="reconnect" onSubmit={submit} noValidate data-testid="reconnect-form">
      <p class="hint">{t("reconnect.intro")}</p>
      <label class="field">
        <span class="field__label">{t("pair.code")}</span>
        <input
          class="field__input field__input--code"
          name="code"
          value={code}
          autoComplete="off"
          autoCapitalize="characters"
          spellcheck={false}
          maxLength={32}
          onInput={(e) => setCode((e.currentTarget as HTMLInputElement).value.toUpperCase())}
        />
      </label>
      {error ? (
        <p class="form-error" role="alert" data-testid="reconnect-error">
          {error}
        </p>
      ) : null}
      <div class="button-row">
        <button type="submit" class="button button--primary" disabled={busy}>
          {busy ? t("reconnect.working") : t("reconnect.submit")}
        </button>
        <button type="button" class="button" onClick={() => setOpen(false)}>
          {t("reconnect.cancel")}
        </button>
      </div>
    </form>
  );
}
