// One's own notification settings (issue 19): the language of the emails
// Sightline sends you (alerts, the weekly digest) and whether you get the
// weekly digest. Says so when this server sends no email at all. A failed
// save keeps the choice and says why in the user's language.
import { useEffect, useState } from "preact/hooks";
import { useApp } from "../app-context.ts";
import { useI18n } from "../i18n/i18n.tsx";
import { ProblemBanner } from "../ui/problem-banner.tsx";
import { useAsync } from "../ui/use-async.ts";

type Lang = "" | "vi" | "en";

export function NotificationPrefsCard() {
  const { api } = useApp();
  const { t } = useI18n();
  const prefs = useAsync(() => api.notificationPrefs(), [api]);
  const [language, setLanguage] = useState<Lang>("");
  const [digest, setDigest] = useState(true);
  const [error, setError] = useState<unknown>(undefined);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    if (!prefs.data) return;
    setLanguage(prefs.data.language ?? "");
    setDigest(prefs.data.weeklyDigest);
  }, [prefs.data]);

  return (
    <form
      class="card form"
      onSubmit={async (e) => {
        e.preventDefault();
        setError(undefined);
        setSaved(false);
        try {
          await api.setNotificationPrefs({ language: language || null, weeklyDigest: digest });
          setSaved(true);
        } catch (err) {
          setError(err);
        }
      }}
    >
      <h2>{t("notifications.title")}</h2>
      <ProblemBanner error={prefs.error} onRetry={prefs.reload} />
      {prefs.data && prefs.data.emailEnabled === false && (
        <p class="hint">{t("notifications.emailOff")}</p>
      )}
      <label>
        {t("notifications.language")}
        <select
          value={language}
          onChange={(e) => {
            const v = e.currentTarget.value;
            setLanguage(v === "vi" || v === "en" ? v : "");
          }}
        >
          <option value="">{t("notifications.languageDefault")}</option>
          <option value="vi">Tiếng Việt</option>
          <option value="en">English</option>
        </select>
      </label>
      <label class="check">
        <input
          type="checkbox"
          checked={digest}
          onChange={(e) => setDigest(e.currentTarget.checked)}
        />
        {t("notifications.digest")}
      </label>
      <ProblemBanner error={error} />
      {saved && (
        <p class="ok-text small" role="status">
          {t("notifications.saved")}
        </p>
      )}
      <div class="form-actions">
        <button type="submit" class="btn primary" disabled={!prefs.data}>
          {t("notifications.save")}
        </button>
      </div>
    </form>
  );
}
