// Write an insight by hand (then link evidence by dragging or picking). The
// statement is a draft per journal until the server has it: a failed create
// keeps it, says why and offers to try again.
import { useState } from "preact/hooks";
import { useI18n } from "../i18n/i18n.tsx";
import { ProblemBanner } from "../ui/problem-banner.tsx";
import { useDraft } from "../ui/use-draft.ts";

type Props = {
  journalId: string;
  /** Rejects when the insight was not created (the text then stays). */
  onCreate: (statement: string) => Promise<void>;
};

export function NewInsightForm({ journalId, onCreate }: Props) {
  const { t } = useI18n();
  const key = `insight.${journalId}`;
  const [text, setText, clearText, restored] = useDraft(key, "");
  const [open, setOpen] = useState(restored);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  if (!open) {
    return (
      <button type="button" class="btn ghost small" onClick={() => setOpen(true)}>
        {t("insight.new")}
      </button>
    );
  }
  const save = async () => {
    if (!text.trim() || busy) return;
    setBusy(true);
    setError(undefined);
    try {
      await onCreate(text.trim());
      clearText();
      setOpen(false);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      class="card new-insight"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <label>
        {t("insight.statementLabel")}
        <span class="hint">{t("insight.statementHint")}</span>
        <textarea
          rows={3}
          maxLength={2000}
          value={text}
          onInput={(e) => setText(e.currentTarget.value)}
        />
      </label>
      <ProblemBanner error={error} onRetry={() => void save()} />
      <div class="form-actions">
        <button type="button" class="btn ghost small" onClick={() => setOpen(false)}>
          {t("action.cancel")}
        </button>
        <button type="submit" class="btn primary small" disabled={busy || !text.trim()}>
          {busy ? t("form.saving") : t("insight.create")}
        </button>
      </div>
    </form>
  );
}
