// Write an insight by hand (then link evidence by dragging or picking).
import { useState } from "preact/hooks";
import { useI18n } from "../i18n/i18n.tsx";

type Props = { onCreate: (statement: string) => Promise<void> };

export function NewInsightForm({ onCreate }: Props) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState("");
  const [busy, setBusy] = useState(false);
  if (!open) {
    return (
      <button type="button" class="btn ghost small" onClick={() => setOpen(true)}>
        {t("insight.new")}
      </button>
    );
  }
  return (
    <form
      class="card new-insight"
      onSubmit={async (e) => {
        e.preventDefault();
        if (!text.trim()) return;
        setBusy(true);
        try {
          await onCreate(text.trim());
          setText("");
          setOpen(false);
        } finally {
          setBusy(false);
        }
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
      <div class="form-actions">
        <button type="button" class="btn ghost small" onClick={() => setOpen(false)}>
          {t("action.cancel")}
        </button>
        <button type="submit" class="btn primary small" disabled={busy || !text.trim()}>
          {t("insight.create")}
        </button>
      </div>
    </form>
  );
}
