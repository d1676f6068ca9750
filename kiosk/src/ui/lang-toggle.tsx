// vi ⇄ en switch, on every screen. Shows the other language's own name.
import { otherLocale, useI18n } from "./i18n.tsx";

export type LangToggleProps = { className?: string };

export function LangToggle({ className }: LangToggleProps) {
  const { locale, setLocale, t } = useI18n();
  const next = otherLocale(locale);
  return (
    <button
      type="button"
      class={`lang-toggle ${className ?? ""}`}
      lang={next}
      data-testid="lang-toggle"
      onClick={() => setLocale(next)}
    >
      <span aria-hidden="true" class="lang-code">
        {next.toUpperCase()}
      </span>
      {t("lang.toggle")}
    </button>
  );
}
