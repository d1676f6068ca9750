// Competitors and their domains (the extension links captures to them by domain).
import { useState } from "preact/hooks";
import { listOf } from "../api/client.ts";
import type { Competitor } from "../api/types.ts";
import { useApp } from "../app-context.ts";
import { useI18n } from "../i18n/i18n.tsx";
import { CapNote } from "../ui/cap-note.tsx";
import { ProblemBanner } from "../ui/problem-banner.tsx";
import { useAsync } from "../ui/use-async.ts";
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
          initial={c}
          onSave={async (v) => {
            await api.patchCompetitor(c.id, v);
            await list.reload();
          }}
        />
      ))}
      <h2>{t("competitor.new")}</h2>
      <CompetitorRow
        key={`new-${list.data?.length ?? 0}`}
        initial={{ name: "", domains: [] }}
        onSave={async (v) => {
          await api.createCompetitor(v);
          await list.reload();
        }}
      />
    </div>
  );
}

type RowProps = {
  initial: Omit<Competitor, "id">;
  onSave: (c: Omit<Competitor, "id">) => Promise<void>;
};

function CompetitorRow({ initial, onSave }: RowProps) {
  const { t } = useI18n();
  const [name, setName] = useState(initial.name);
  const [domains, setDomains] = useState<string[]>(initial.domains ?? []);
  const [error, setError] = useState<unknown>(undefined);
  const [saved, setSaved] = useState(false);
  return (
    <form
      class="card form compact"
      onSubmit={async (e) => {
        e.preventDefault();
        setError(undefined);
        try {
          await onSave({ name: name.trim(), domains });
          setSaved(true);
        } catch (err) {
          setError(err);
        }
      }}
    >
      <label>
        {t("competitor.name")}
        <input
          required
          maxLength={200}
          value={name}
          onInput={(e) => {
            setSaved(false);
            setName(e.currentTarget.value);
          }}
        />
      </label>
      <ListEditor
        label={t("competitor.domains")}
        values={domains}
        onChange={(d) => {
          setSaved(false);
          setDomains(d);
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
