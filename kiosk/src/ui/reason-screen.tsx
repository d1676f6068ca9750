// The optional second feedback screen: reason chips (each maps to a need).
import type { Store } from "@sightline/shared/schema/config";
import { ChipGroup } from "./chip-group.tsx";
import { Face, type Rating } from "./face.tsx";
import { storeLabel, useI18n } from "./i18n.tsx";

export type ReasonScreenProps = {
  rating: Rating;
  reasons: Store["reasons"];
  selected: readonly string[];
  busy: boolean;
  onToggle(code: string): void;
  onSend(): void;
  onSkip(): void;
};

export function ReasonScreen(p: ReasonScreenProps) {
  const { t, locale } = useI18n();
  return (
    <section class="reason-screen">
      <div class="reason-screen__face">
        <Face rating={p.rating} />
      </div>
      <ChipGroup
        label={t("fb.reasonsTitle")}
        testId="reasons"
        size="large"
        options={p.reasons.map((r) => ({ value: r.code, label: storeLabel(r, locale) }))}
        selected={p.selected}
        onToggle={p.onToggle}
      />
      <p class="hint">{t("fb.reasonsHint")}</p>
      <div class="button-row button-row--center">
        <button
          type="button"
          class="button button--primary button--big"
          disabled={p.busy}
          data-testid="fb-send"
          onClick={p.onSend}
        >
          {t("fb.send")}
        </button>
        <button
          type="button"
          class="button button--big"
          disabled={p.busy}
          data-testid="fb-skip"
          onClick={p.onSkip}
        >
          {t("fb.skip")}
        </button>
      </div>
    </section>
  );
}
