// First run: pair this tablet with a one-time code and set the staff PIN.
// The server URL defaults to where the kiosk was served from; a code in the
// URL (`#pair=CODE`, the web app's QR code) is filled in.
import { useState } from "preact/hooks";
import { isValidPin } from "../core/pin.ts";
import { useI18n } from "./i18n.tsx";
import { useKiosk } from "./kiosk-context.ts";
import { pairErrorMessage } from "./pair-error.ts";
import { TopBar } from "./top-bar.tsx";

export function PairingScreen() {
  const { t } = useI18n();
  const { api, platform } = useKiosk();
  const [serverUrl, setServerUrl] = useState(platform.origin);
  const [code, setCode] = useState(() => platform.pairingCodeFromUrl() ?? "");
  const [name, setName] = useState("");
  const [pin, setPin] = useState("");
  const [pin2, setPin2] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (e: Event) => {
    e.preventDefault();
    if (!code.trim()) return setError(t("pair.error.codeEmpty"));
    if (!isValidPin(pin)) return setError(t("pair.error.pinFormat"));
    if (pin !== pin2) return setError(t("pair.error.pinMismatch"));
    setError(null);
    setBusy(true);
    // Ask while we still hold the user's gesture; a refusal is shown in Device.
    void platform.persistStorage();
    try {
      const r = await api.pair({ serverUrl, code, name, pin });
      if (!r.ok) setError(pairErrorMessage(t, r.error, { server: serverUrl, status: r.status }));
      else platform.clearPairingCodeFromUrl();
    } catch (err) {
      setError(t("error.generic", { detail: err instanceof Error ? err.message : String(err) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="screen screen--pairing">
      <TopBar title={t("app.name")} />
      <main class="pairing">
        <form class="card pairing__card" onSubmit={submit} noValidate>
          <h2 class="card__title">{t("pair.title")}</h2>
          <p class="card__intro">{t("pair.intro")}</p>
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
          <label class="field">
            <span class="field__label">{t("pair.server")}</span>
            <input
              class="field__input"
              name="server"
              type="url"
              value={serverUrl}
              autoComplete="url"
              onInput={(e) => setServerUrl((e.currentTarget as HTMLInputElement).value)}
            />
          </label>
          <label class="field">
            <span class="field__label">{t("pair.name")}</span>
            <input
              class="field__input"
              name="name"
              value={name}
              maxLength={100}
              placeholder={t("pair.namePlaceholder")}
              onInput={(e) => setName((e.currentTarget as HTMLInputElement).value)}
            />
          </label>
          <div class="field-row">
            <label class="field">
              <span class="field__label">{t("pair.pin")}</span>
              <input
                class="field__input"
                name="pin"
                type="password"
                inputMode="numeric"
                autoComplete="new-password"
                maxLength={8}
                value={pin}
                onInput={(e) => setPin((e.currentTarget as HTMLInputElement).value)}
              />
            </label>
            <label class="field">
              <span class="field__label">{t("pair.pinConfirm")}</span>
              <input
                class="field__input"
                name="pin2"
                type="password"
                inputMode="numeric"
                autoComplete="new-password"
                maxLength={8}
                value={pin2}
                onInput={(e) => setPin2((e.currentTarget as HTMLInputElement).value)}
              />
            </label>
          </div>
          <p class="hint">{t("pair.pinHelp")}</p>
          {error ? (
            <p class="form-error" role="alert">
              {error}
            </p>
          ) : null}
          <button type="submit" class="button button--primary button--wide" disabled={busy}>
            {busy ? t("pair.pairing") : t("pair.submit")}
          </button>
        </form>
      </main>
    </div>
  );
}
