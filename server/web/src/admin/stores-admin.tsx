// Stores: pick one to edit, or add a new one (each form keeps a draft until saved).
import { useState } from "preact/hooks";
import { listOf } from "../api/client.ts";
import { useApp } from "../app-context.ts";
import { useI18n } from "../i18n/i18n.tsx";
import { CapNote } from "../ui/cap-note.tsx";
import { ProblemBanner } from "../ui/problem-banner.tsx";
import { useAsync } from "../ui/use-async.ts";
import { EMPTY_STORE, StoreForm } from "./store-form.tsx";

export function StoresAdmin() {
  const { api } = useApp();
  const { t } = useI18n();
  const response = useAsync(() => api.stores(), [api]);
  const stores = { ...response, data: response.data && listOf(response.data) };
  const [selected, setSelected] = useState<string | "new" | null>(null);
  const current =
    selected === "new"
      ? undefined
      : (stores.data?.find((s) => s.id === selected) ?? stores.data?.[0]);
  const editing = selected === "new" ? "new" : current?.id;

  return (
    <div class="split">
      <aside class="side-list card">
        <ProblemBanner error={stores.error} onRetry={stores.reload} />
        <CapNote list={response.data} />
        <ul>
          {stores.data?.map((s) => (
            <li key={s.id}>
              <button
                type="button"
                class="list-btn"
                aria-current={editing === s.id ? "true" : undefined}
                onClick={() => setSelected(s.id)}
              >
                <strong>{s.name}</strong>
                <span class="small muted">
                  {t("store.summary", {
                    zones: s.zones?.length ?? 0,
                    behaviours: s.behaviours?.length ?? 0,
                  })}
                </span>
              </button>
            </li>
          ))}
        </ul>
        <button type="button" class="btn small" onClick={() => setSelected("new")}>
          {t("store.new")}
        </button>
      </aside>
      <div>
        {editing === "new" && (
          <StoreForm
            key="new"
            draftKey="store.new"
            initial={EMPTY_STORE}
            onCancel={() => setSelected(null)}
            onSave={async (s) => {
              const r = await api.createStore(s);
              await stores.reload();
              setSelected(r.id);
            }}
          />
        )}
        {editing !== "new" && current && (
          <StoreForm
            key={current.id}
            draftKey={`store.${current.id}`}
            initial={{
              name: current.name,
              timeZone: current.timeZone,
              zones: current.zones ?? [],
              behaviours: current.behaviours ?? [],
              feedbackQuestion: current.feedbackQuestion ?? { vi: "", en: "" },
              reasons: current.reasons ?? [],
            }}
            onSave={async (s) => {
              await api.patchStore(current.id, s);
              await stores.reload();
            }}
          />
        )}
        {!stores.loading && stores.data?.length === 0 && editing !== "new" && (
          <p class="empty">{t("store.empty")}</p>
        )}
      </div>
    </div>
  );
}
