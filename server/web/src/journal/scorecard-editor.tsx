// Edit the four principles: a 0–3 segmented choice and a note each; the
// total (/12) and the weakest principle update as you score. Notes being
// typed are a draft per insight (kept across reloads) until a save succeeds;
// a failed save keeps them and offers to try again.
import { useEffect, useState } from "preact/hooks";
import { PRINCIPLES, type Principle, type Principles } from "../api/types.ts";
import { useI18n } from "../i18n/i18n.tsx";
import { ProblemBanner } from "../ui/problem-banner.tsx";
import { useDraft } from "../ui/use-draft.ts";
import { MAX_SCORE, MAX_TOTAL, principleTotal, weakestPrinciple } from "./principles.ts";

type Props = {
  value: Principles;
  /** May return a promise that rejects when the save failed. */
  onSave: (next: Principles) => void | Promise<void>;
  disabled?: boolean;
  idPrefix: string;
};

const SCORES = Array.from({ length: MAX_SCORE + 1 }, (_, i) => i);

export function ScorecardEditor({ value, onSave, disabled, idPrefix }: Props) {
  const { t } = useI18n();
  const [notes, setNotes, clearNotes] = useDraft<Partial<Record<Principle, string>>>(
    `notes.${idPrefix}`,
    {},
  );
  const withNotes = (v: Principles): Principles => {
    const next = { ...v };
    for (const name of PRINCIPLES) {
      const note = notes[name];
      if (note !== undefined) next[name] = { score: v[name]?.score ?? 0, note };
    }
    return next;
  };
  const [draft, setDraft] = useState<Principles>(() => withNotes(value));
  const [error, setError] = useState<unknown>(undefined);
  useEffect(() => setDraft(withNotes(value)), [value]);

  const total = principleTotal(draft);
  const weakest = weakestPrinciple(draft);

  const save = async (next: Principles) => {
    setError(undefined);
    try {
      await onSave(next);
      clearNotes();
    } catch (e) {
      setError(e);
    }
  };
  const setScore = (name: Principle, score: number) => {
    const next = { ...draft, [name]: { score, note: draft[name]?.note ?? "" } };
    setDraft(next);
    void save(next);
  };
  const setNote = (name: Principle, note: string) => {
    setDraft({ ...draft, [name]: { score: draft[name]?.score ?? 0, note } });
    setNotes((n) => ({ ...n, [name]: note }));
  };
  const commitNote = (name: Principle) => {
    if ((draft[name]?.note ?? "") !== (value[name]?.note ?? "")) void save(draft);
  };

  return (
    <div class="scorecard">
      <div class="scorecard-summary" aria-live="polite">
        <span class="total">{t("principles.total", { total, max: MAX_TOTAL })}</span>
        {weakest ? (
          <span class="weakest">
            {t("principles.weakest", { name: t(`principle.${weakest}`) })}
          </span>
        ) : (
          <span class="muted">{t("principles.unscored")}</span>
        )}
      </div>
      {PRINCIPLES.map((name) => {
        const score = draft[name]?.score;
        const groupId = `${idPrefix}-${name}`;
        return (
          <div key={name} class={weakest === name ? "principle weakest-row" : "principle"}>
            <div class="principle-head">
              <span id={groupId} class="principle-name" title={t(`principle.${name}.help`)}>
                {t(`principle.${name}`)}
              </span>
              <div class="segmented" role="radiogroup" aria-labelledby={groupId}>
                {SCORES.map((s) => (
                  <label key={s} class="seg">
                    <input
                      type="radio"
                      name={groupId}
                      value={s}
                      checked={score === s}
                      aria-label={t("principles.scoreLabel", {
                        name: t(`principle.${name}`),
                        score: s,
                      })}
                      disabled={disabled}
                      onChange={() => setScore(name, s)}
                    />
                    <span aria-hidden="true">{s}</span>
                  </label>
                ))}
              </div>
            </div>
            <input
              class="principle-note"
              placeholder={t(`principle.${name}.help`)}
              aria-label={t("principles.noteLabel", { name: t(`principle.${name}`) })}
              maxLength={2000}
              disabled={disabled}
              value={draft[name]?.note ?? ""}
              onInput={(e) => setNote(name, e.currentTarget.value)}
              onBlur={() => commitNote(name)}
              onKeyDown={(e) => {
                if (e.key === "Enter") commitNote(name);
              }}
            />
          </div>
        );
      })}
      <ProblemBanner error={error} onRetry={() => void save(draft)} />
    </div>
  );
}
