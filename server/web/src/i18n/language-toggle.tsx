// Switches vi ⇄ en; the choice is remembered in this browser.
import { useI18n } from "./i18n.tsx";

export function LanguageToggle() {
  const { t, locale, setLocale } = useI18n();
  const next = locale === "vi" ? "en" : "vi";
  return (
    <button
      type="button"
      class="btn ghost small lang"
      lang={next}
      onClick={() => setLocale(next)}
      title={t("lang.switchTitle")}
    >
      {t("lang.toggle")}
    </button>
  );
}
