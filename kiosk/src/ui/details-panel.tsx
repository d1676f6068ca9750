// The optional note and need chips that go with the next tap (then clear).
import { NEED_CODES, NEEDS } from "@sightline/shared/vocabulary/needs";
import { useState } from "preact/hooks";
import { ChipGroup } from "./chip-group.tsx";
import { useI18n } from "./i18n.tsx";

export type DetailsPanelProps = {
  note: string;
  needs: readonly string[];
  onNote(note: string): void;
  onNeeds(needs: string[]): void;
};

export function DetailsPanel({ note, needs, onNote, onNeeds }: DetailsPanelProps) {
  const { t, locale } = useI18n();
  const [open, setOpen] = useState(false);
  const filled = note.trim().length > 0 || needs.length > 0;
  return (
    <section class={`details${open || filled ? " details--open" : ""}`}>
      <button
        type="button"
        class="details__toggle"
        aria-expanded={open || filled}
        onClick={() => setOpen(!(open || filled))}
      >
        {t("pad.details")}
        {filled ? <span class="details__badge">{needs.length + (note.trim() ? 1 : 0)}</span> : null}
      </button>
      {open || filled ? (
        <div class="details__body">
          <label class="field">
            <span class="field__label">{t("pad.note")}</span>
            <input
              class="field__input"
              type="text"
              maxLength={500}
              value={note}
              placeholder={t("pad.notePlaceholder")}
              data-testid="note"
              onInput={(e) => onNote((e.currentTarget as HTMLInputElement).value)}
            />
          </label>
          <ChipGroup
            label={t("pad.needs")}
            testId="needs"
            options={NEED_CODES.map((c) => ({ value: c, label: NEEDS[c][locale] }))}
            selected={needs}
            onToggle={(c) =>
              onNeeds(needs.includes(c) ? needs.filter((n) => n !== c) : [...needs, c])
            }
          />
          <p class="hint">{t("pad.detailsHint")}</p>
        </div>
      ) : null}
    </section>
  );
}
