// Competitors and their domains (the extension links captures to them by domain).
// Each form keeps what is typed as a draft (use-draft.ts) until the server has it.
import { useState } from "preact/hooks";
import { listOf } from "../api/client.ts";
import type { Competitor } from "../api/types.ts";
import { useApp } from "../app-context.ts";
import { useI18n } from "../i18n/i18n.tsx";
import { CapNote } from "../ui/cap-note.tsx";
import { DraftNote } from "../ui/draft-note.tsx";
import { ProblemBanner } from "../ui/problem-banner.tsx";
import { useAsync } from "../ui/use-async.ts";
import { useDraft } from "../ui/use-draft.ts";
import { ListEditor } from "./list-editor.tsx";

export function CompetitorsAdmin() {
  const { api } = useApp();
  const { t } = useI18n();
  const response = useAsync(() => api.competitors(), [api]);
  const list = { ...response, data: response.data && listOf(response.data) };
  return (
    <div class="stack">
      <ProblemBanner error={list.error} onRetry={list.reload} />
      <CapNote list={response.data} />
      {list.data?.map((c) => (
        <CompetitorRow
          key={c.id}
          draftKey={`competitor.${c.id}`}
          initial={{ name: c.name, domains: c.domains ?? [] }}
          onSave={async (v) => {
            await api.patchCompetitor(c.id, v);
            await list.reload();
          }}
        />
      ))}
      <h2>{t("competitor.new")}</h2>
      <CompetitorRow
        key="new"
        isNew
        draftKey="competitor.new"
        initial={{ name: "", domains: [] }}
        onSave={async (v) => {
          await api.createCompetitor(v);
          await list.reload();
        }}
      />
    </div>
  );
}

type Fields = { name: string; domains: string[] };
type RowProps = {
  /** The draft's key: one per competitor, and one for the new-competitor form. */
  draftKey: string;
  initial: Fields;
  /** The form for a new competitor: it empties once saved. */
  isNew?: boolean;
  onSave: (c: Omit<Competitor, "id">) => Promise<void>;
};

function CompetitorRow({ draftKey, initial, isNew = false, onSave }: RowProps) {
  const { t } = useI18n();
  const [fields, setFields, clear, restored] = useDraft<Fields>(draftKey, initial);
  const { name, domains } = fields;
  const [draftNote, setDraftNote] = useState(restored);
  const [error, setError] = useState<unknown>(undefined);
  const [saved, setSaved] = useState(false);
  return (
    <form
      class="card form compact"
      onSubmit={async (e) => {
        e.preventDefault();
        setError(undefined);
        try {
          const sent = { name: name.trim(), domains };
          await onSave(sent);
          // The server has it: the new-competitor form empties, an existing one shows what was saved.
          if (isNew) clear();
          else clear(sent);
          setDraftNote(false);
          setSaved(true);
        } catch (err) {
          setError(err);
        }
      }}
    >
      {draftNote && (
        <DraftNote
          onDiscard={() => {
            clear();
            setDraftNote(false);
          }}
        />
      )}
      <label>
        {t("competitor.name")}
        <input
          required
          maxLength={200}
          value={name}
          onInput={(e) => {
            setSaved(false);
            const v = e.currentTarget.value;
            setFields((f) => ({ ...f, name: v }));
          }}
        />
      </label>
      <ListEditor
        label={t("competitor.domains")}
        values={domains}
        onChange={(d) => {
          setSaved(false);
          setFields((f) => ({ ...f, domains: d }));
        }}
        placeholder="shop.vn"
      />
      <ProblemBanner error={error} />
      <div class="form-actions">
        {saved && (
          <span class="ok-text small" role="status">
            {t("admin.saved")}
          </span>
        )}
        <button type="submit" class="btn small primary">
          {t("action.save")}
        </button>
      </div>
    </form>
  );
}
