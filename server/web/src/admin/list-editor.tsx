// Edit a short list of strings (store zones, competitor domains) as chips
// with an "add" field.
import { useState } from "preact/hooks";
import { useI18n } from "../i18n/i18n.tsx";

type Props = {
  label: string;
  values: readonly string[];
  onChange: (v: string[]) => void;
  placeholder?: string;
};

export function ListEditor({ label, values, onChange, placeholder }: Props) {
  const { t } = useI18n();
  const [draft, setDraft] = useState("");
  const add = () => {
    const v = draft.trim();
    if (v && !values.includes(v)) onChange([...values, v]);
    setDraft("");
  };
  return (
    <fieldset class="list-editor">
      <legend>{label}</legend>
      <div class="chip-row">
        {values.map((v) => (
          <span key={v} class="chip static">
            {v}
            <button
              type="button"
              class="icon-btn"
              aria-label={t("admin.removeItem", { item: v })}
              onClick={() => onChange(values.filter((x) => x !== v))}
            >
              ×
            </button>
          </span>
        ))}
      </div>
      <div class="row tight">
        <input
          value={draft}
          placeholder={placeholder}
          aria-label={t("admin.addTo", { list: label })}
          onInput={(e) => setDraft(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter") {
              e.preventDefault();
              add();
            }
          }}
        />
        <button type="button" class="btn small" onClick={add} disabled={!draft.trim()}>
          {t("admin.add")}
        </button>
      </div>
    </fieldset>
  );
}
