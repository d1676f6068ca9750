// The last feedback screen. Goes back to the faces by itself, or at a touch.
import { useI18n } from "./i18n.tsx";

export type ThankYouProps = { onDone(): void };

export function ThankYou({ onDone }: ThankYouProps) {
  const { t } = useI18n();
  return (
    <button type="button" class="thank-you" data-testid="thank-you" onClick={onDone}>
      <svg class="thank-you__mark" viewBox="0 0 96 96" aria-hidden="true">
        <circle cx="48" cy="48" r="44" />
        <path d="M28 50l13 13 27-29" />
      </svg>
      <span class="thank-you__title">{t("fb.thanks")}</span>
      <span class="thank-you__sub">{t("fb.thanksSub")}</span>
    </button>
  );
}
