// One's own account: change the password (the server signs out every other
// session; this one stays) and sign out everywhere (this session too). A
// failed change keeps what was typed and says why in the user's language.
import { useState } from "preact/hooks";
import { useApp } from "../app-context.ts";
import { useI18n } from "../i18n/i18n.tsx";
import { ProblemBanner } from "../ui/problem-banner.tsx";

/** `titled`: its own heading (off where the page's heading already says it). */
export function AccountCard({ titled = true }: { titled?: boolean }) {
  const { api, signOut } = useApp();
  const { t } = useI18n();
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  const [error, setError] = useState<unknown>(undefined);
  const [changed, setChanged] = useState(false);

  return (
    <form
      class="card form"
      onSubmit={async (e) => {
        e.preventDefault();
        setError(undefined);
        setChanged(false);
        try {
          await api.changePassword({ current, next });
          setCurrent("");
          setNext("");
          setChanged(true);
        } catch (err) {
          setError(err);
        }
      }}
    >
      {titled && <h2>{t("account.title")}</h2>}
      <label>
        {t("account.current")}
        <input
          type="password"
          required
          autocomplete="current-password"
          value={current}
          onInput={(e) => setCurrent(e.currentTarget.value)}
        />
      </label>
      <label>
        {t("account.next")}
        <span class="hint">{t("people.passwordHint")}</span>
        <input
          type="password"
          required
          minLength={10}
          autocomplete="new-password"
          value={next}
          onInput={(e) => setNext(e.currentTarget.value)}
        />
      </label>
      <ProblemBanner error={error} />
      {changed && (
        <p class="ok-text small" role="status">
          {t("account.changed")}
        </p>
      )}
      <div class="form-actions">
        <button type="submit" class="btn primary">
          {t("account.change")}
        </button>
        <button
          type="button"
          class="btn"
          title={t("account.signOutEverywhereHint")}
          onClick={async () => {
            setError(undefined);
            try {
              await api.signOutEverywhere();
              signOut();
            } catch (err) {
              setError(err);
            }
          }}
        >
          {t("account.signOutEverywhere")}
        </button>
      </div>
    </form>
  );
}
