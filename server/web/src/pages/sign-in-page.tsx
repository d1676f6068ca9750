// Email + password sign-in; the server sets the session cookie. Below it, a
// one-time reset code from an admin sets a new password (ResetWithCode).
import { useState } from "preact/hooks";
import type { Api } from "../api/client.ts";
import type { User } from "../api/types.ts";
import { useI18n } from "../i18n/i18n.tsx";
import { LanguageToggle } from "../i18n/language-toggle.tsx";
import { ProblemBanner } from "../ui/problem-banner.tsx";

type Props = { api: Api; onSignedIn: (user: User) => void };

export function SignInPage({ api, onSignedIn }: Props) {
  const { t } = useI18n();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const r = await api.login(email.trim(), password);
      onSignedIn(r.user);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="signin">
      <div class="signin-lang">
        <LanguageToggle />
      </div>
      <form class="card signin-card" onSubmit={submit}>
        <div class="brand big">
          <span class="brand-mark" aria-hidden="true" />
          Sightline
        </div>
        <p class="muted">{t("signIn.tagline")}</p>
        <h1 class="visually-hidden">{t("signIn.title")}</h1>
        <label>
          {t("signIn.email")}
          <input
            type="email"
            name="email"
            autocomplete="username"
            required
            value={email}
            onInput={(e) => setEmail(e.currentTarget.value)}
          />
        </label>
        <label>
          {t("signIn.password")}
          <input
            type="password"
            name="password"
            autocomplete="current-password"
            required
            value={password}
            onInput={(e) => setPassword(e.currentTarget.value)}
          />
        </label>
        <ProblemBanner error={error} />
        <button type="submit" class="btn primary" disabled={busy}>
          {busy ? t("signIn.busy") : t("signIn.submit")}
        </button>
      </form>
      <ResetWithCode api={api} />
    </div>
  );
}

/** Redeem a reset code: what was typed stays when it fails. */
function ResetWithCode({ api }: { api: Api }) {
  const { t } = useI18n();
  const [code, setCode] = useState("");
  const [next, setNext] = useState("");
  const [error, setError] = useState<unknown>(undefined);
  const [done, setDone] = useState(false);
  return (
    <details class="card signin-card">
      <summary>{t("reset.title")}</summary>
      <form
        class="form"
        onSubmit={async (e) => {
          e.preventDefault();
          setError(undefined);
          setDone(false);
          try {
            await api.redeemPasswordReset({ code: code.trim(), next });
            setCode("");
            setNext("");
            setDone(true);
          } catch (err) {
            setError(err);
          }
        }}
      >
        <label>
          {t("reset.code")}
          <input
            required
            autocomplete="one-time-code"
            maxLength={64}
            value={code}
            onInput={(e) => setCode(e.currentTarget.value)}
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
        {done && (
          <p class="ok-text small" role="status">
            {t("reset.done")}
          </p>
        )}
        <button type="submit" class="btn">
          {t("reset.submit")}
        </button>
      </form>
    </details>
  );
}
