import { useEffect, useMemo, useState } from "preact/hooks";
import type { PairResult, Settings } from "../../messages.ts";
import { useClient } from "../client-context.ts";
import { useObservations, useSettings, useStatus } from "../hooks.ts";
import { I18n, type Locale, translator } from "../i18n.ts";
import { ExportUnsent } from "./ExportUnsent.tsx";
import { ReconnectForm } from "./ReconnectForm.tsx";
import { RevokedNotice } from "./RevokedNotice.tsx";
import { SyncStatusBar } from "./SyncStatusBar.tsx";
import { UnpairFlow } from "./UnpairFlow.tsx";

/** Browser permission calls; each must run directly in a click's user gesture. */
export type OptionsActions = {
  /** Ask for host access to `origins` (patterns like "https://shop.vn/*" or "<all_urls>"). */
  requestOrigins(origins: string[]): Promise<boolean>;
  hasOrigins(origins: string[]): Promise<boolean>;
  defaultDeviceName: string;
  /** Save a file to the downloads ("Export unsent data"). */
  download(name: string, text: string): void;
};

export type OptionsAppProps = { actions: OptionsActions };

/** Host patterns covering a competitor's domains (the domain and its subdomains). */
export function competitorOrigins(domains: readonly string[]): string[] {
  return domains.map((d) => {
    const host = d
      .trim()
      .toLowerCase()
      .replace(/^\*?\./, "");
    const bare = /^[\d.]+$/.test(host) || host === "localhost";
    return bare ? `*://${host}/*` : `*://*.${host}/*`;
  });
}

/**
 * Options: server URL + pairing code → pair, language, site access, unpair.
 * A revoked install says so here and offers Export unsent data and Reconnect.
 */
export function OptionsApp({ actions }: OptionsAppProps) {
  const client = useClient();
  const [settings, updateSettings] = useSettings();
  const [status, syncNow] = useStatus();
  const { config } = useObservations({ limit: 1 });
  const locale: Locale = settings?.locale ?? "vi";
  const i18n = useMemo(() => ({ t: translator(locale), locale }), [locale]);
  const { t } = i18n;
  const [serverUrl, setServerUrl] = useState("");
  const [code, setCode] = useState("");
  const [name, setName] = useState(actions.defaultDeviceName);
  const [pairing, setPairing] = useState(false);
  const [pairResult, setPairResult] = useState<PairResult | null>(null);
  const [access, setAccess] = useState({ competitors: false, all: false });
  const competitorPatterns = config.competitors.flatMap((c) => competitorOrigins(c.domains));

  useEffect(() => {
    void Promise.all([
      competitorPatterns.length ? actions.hasOrigins(competitorPatterns) : Promise.resolve(false),
      actions.hasOrigins(["<all_urls>"]),
    ]).then(([competitors, all]) => setAccess({ competitors, all }));
  }, [competitorPatterns.join(), actions]);

  const pair = async (e: Event) => {
    e.preventDefault();
    let origin: string;
    try {
      origin = new URL(serverUrl.trim()).origin;
    } catch {
      setPairResult({ ok: false, error: "network", detail: "bad URL" });
      return;
    }
    // First thing in the gesture: ask for access to the server's origin. Without
    // it pairing still works when the server's CORS allow-list admits extensions.
    const granted = await actions.requestOrigins([`${origin}/*`]).catch(() => false);
    setPairing(true);
    try {
      const r = await client.request({
        type: "pair",
        serverUrl: origin,
        code: code.trim(),
        name: name.trim() || undefined,
      });
      setPairResult(
        !r.ok && r.error === "network" && !granted ? { ok: false, error: "no-permission" } : r,
      );
    } finally {
      setPairing(false);
    }
  };
  const allow = async (origins: string[]): Promise<boolean> => {
    const granted = await actions.requestOrigins(origins).catch(() => false);
    if (granted) {
      setAccess((a) => ({
        ...a,
        ...(origins[0] === "<all_urls>" ? { all: true } : { competitors: true }),
      }));
    }
    return granted;
  };
  // Right after pairing, once: ask for the competitors' sites, saying why.
  const askAccess =
    status?.paired === true &&
    status.state !== "unauthorized" &&
    settings !== null &&
    settings.accessPrompted !== true &&
    !access.competitors &&
    !access.all;
  const answerAccess = async (allowIt: boolean) => {
    // The permission request first: it must run inside the click's gesture.
    if (allowIt && !(await allow(competitorPatterns))) return;
    await updateSettings({ accessPrompted: true } as Partial<Settings>);
  };

  return (
    <I18n.Provider value={i18n}>
      <main class="options">
        <h1>{t("options.title")}</h1>
        <SyncStatusBar status={status} onSync={() => void syncNow()} />
        {askAccess && (
          <section class="onboarding" data-testid="onboarding-access">
            <h2>{t("onboarding.title")}</h2>
            <p>{t("onboarding.why")}</p>
            {competitorPatterns.length > 0 ? (
              <p>
                {t("onboarding.sites", {
                  sites: config.competitors.flatMap((c) => c.domains).join(", "),
                })}
              </p>
            ) : (
              <p class="muted">{t("onboarding.noCompetitors")}</p>
            )}
            <p class="muted">{t("onboarding.revoke")}</p>
            <div class="row">
              <button
                type="button"
                class="primary"
                disabled={competitorPatterns.length === 0}
                onClick={() => void answerAccess(true)}
                data-testid="onboarding-allow"
              >
                {t("options.allowCompetitors")}
              </button>
              <button
                type="button"
                class="link"
                onClick={() => void answerAccess(false)}
                data-testid="onboarding-later"
              >
                {t("onboarding.later")}
              </button>
            </div>
          </section>
        )}
        {status?.paired ? (
          <section>
            <p data-testid="paired">{t("options.paired", { server: status.serverUrl ?? "" })}</p>
            {status.state === "unauthorized" && (
              <>
                <RevokedNotice status={status} />
                {status.unsynced > 0 && <ExportUnsent download={actions.download} />}
                <ReconnectForm />
              </>
            )}
            <UnpairFlow
              status={status}
              download={actions.download}
              onUnpaired={() => setPairResult(null)}
            />
          </section>
        ) : (
          <form onSubmit={pair} data-testid="pair-form">
            <label>
              <span>{t("options.server")}</span>
              <input
                type="url"
                required
                placeholder="https://sightline.example.vn"
                value={serverUrl}
                onInput={(e) => setServerUrl(e.currentTarget.value)}
                data-testid="server-url"
              />
            </label>
            <label>
              <span>{t("options.code")}</span>
              <input
                required
                autoComplete="off"
                value={code}
                onInput={(e) => setCode(e.currentTarget.value)}
                data-testid="pair-code"
              />
              <small class="muted">{t("options.codeHint")}</small>
            </label>
            <label>
              <span>{t("options.deviceName")}</span>
              <input value={name} onInput={(e) => setName(e.currentTarget.value)} maxLength={100} />
            </label>
            <button type="submit" class="primary" disabled={pairing} data-testid="pair">
              {pairing ? t("options.pairing") : t("options.pair")}
            </button>
            {pairResult && !pairResult.ok && (
              <p class="error" role="alert">
                {t(`options.pairError.${pairResult.error}`)}
              </p>
            )}
          </form>
        )}
        <section>
          <h2>{t("options.language")}</h2>
          <select
            value={locale}
            onChange={(e) =>
              void updateSettings({ locale: e.currentTarget.value as Locale } as Partial<Settings>)
            }
            data-testid="language"
          >
            <option value="vi">{t("lang.vi")}</option>
            <option value="en">{t("lang.en")}</option>
          </select>
        </section>
        <section>
          <h2>{t("options.access")}</h2>
          <p class="muted">{t("options.accessHint")}</p>
          <div class="row">
            <button
              type="button"
              disabled={access.competitors || competitorPatterns.length === 0}
              onClick={() => void allow(competitorPatterns)}
            >
              {access.competitors
                ? `✓ ${t("options.allowCompetitors")}`
                : t("options.allowCompetitors")}
            </button>
            <button type="button" disabled={access.all} onClick={() => void allow(["<all_urls>"])}>
              {access.all ? `✓ ${t("options.allowAll")}` : t("options.allowAll")}
            </button>
          </div>
        </section>
        <section>
          <h2>{t("options.captures")}</h2>
          <label class="check">
            <input
              type="checkbox"
              checked={settings?.selectionScreenshots === true}
              onChange={(e) =>
                void updateSettings({
                  selectionScreenshots: e.currentTarget.checked,
                } as Partial<Settings>)
              }
              data-testid="selection-screenshots"
            />
            <span>{t("options.selectionScreenshots")}</span>
          </label>
          <p class="muted">{t("options.selectionScreenshotsHint")}</p>
        </section>
      </main>
    </I18n.Provider>
  );
}
