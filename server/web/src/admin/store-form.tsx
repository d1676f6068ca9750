// One store's set-up: name, time zone, zones, the behaviour buttons its kiosk
// shows, the feedback question (vi + en) and the reason chips (each mapped
// to one of the 16 needs). What is typed is a draft (use-draft.ts) until the
// server has it: a failed save or a reload keeps it.
import { DEFAULT_BEHAVIOURS } from "@sightline/shared/vocabulary/behaviours";
import { NEED_CODES, NEEDS, type NeedCode } from "@sightline/shared/vocabulary/needs";
import { useState } from "preact/hooks";
import type { StoreInput } from "../api/types.ts";
import { useI18n } from "../i18n/i18n.tsx";
import { DraftNote } from "../ui/draft-note.tsx";
import { ProblemBanner } from "../ui/problem-banner.tsx";
import { useDraft } from "../ui/use-draft.ts";
import { ListEditor } from "./list-editor.tsx";

type Props = {
  /** The draft's key: one per store, and one for a new store. */
  draftKey: string;
  initial: StoreInput;
  onSave: (s: StoreInput) => Promise<void>;
  onCancel?: () => void;
};

export const EMPTY_STORE: StoreInput = {
  name: "",
  timeZone: "Asia/Ho_Chi_Minh",
  zones: [],
  behaviours: Object.entries(DEFAULT_BEHAVIOURS).map(([code, b]) => ({
    code,
    label_vi: b.vi,
    label_en: b.en,
  })),
  feedbackQuestion: { vi: "", en: "" },
  reasons: [],
};

export function StoreForm({ draftKey, initial, onSave, onCancel }: Props) {
  const { t, label } = useI18n();
  const [s, setS, clear, restored] = useDraft<StoreInput>(draftKey, initial);
  const [draftNote, setDraftNote] = useState(restored);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const [saved, setSaved] = useState(false);
  const set = (patch: Partial<StoreInput>) => {
    setSaved(false);
    setS((prev) => ({ ...prev, ...patch }));
  };

  const setBehaviour = (i: number, patch: Partial<StoreInput["behaviours"][number]>) =>
    set({ behaviours: s.behaviours.map((b, j) => (j === i ? { ...b, ...patch } : b)) });
  const setReason = (i: number, patch: Partial<StoreInput["reasons"][number]>) =>
    set({ reasons: s.reasons.map((r, j) => (j === i ? { ...r, ...patch } : r)) });

  return (
    <form
      class="card form store-form"
      onSubmit={async (e) => {
        e.preventDefault();
        setBusy(true);
        setError(undefined);
        try {
          await onSave(s);
          // The server has it: no draft left, and the form shows what was saved.
          clear(s);
          setDraftNote(false);
          setSaved(true);
        } catch (err) {
          setError(err);
        } finally {
          setBusy(false);
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
      <div class="row">
        <label>
          {t("store.name")}
          <input
            required
            maxLength={200}
            value={s.name}
            onInput={(e) => set({ name: e.currentTarget.value })}
          />
        </label>
        <label>
          {t("store.timeZone")}
          <input
            required
            value={s.timeZone}
            onInput={(e) => set({ timeZone: e.currentTarget.value })}
          />
        </label>
      </div>
      <ListEditor
        label={t("store.zones")}
        values={s.zones}
        onChange={(zones) => set({ zones })}
        placeholder={t("store.zonePlaceholder")}
      />

      <fieldset>
        <legend>{t("store.question")}</legend>
        <div class="row">
          <label>
            {t("lang.vi")}
            <input
              maxLength={500}
              value={s.feedbackQuestion.vi}
              onInput={(e) =>
                set({ feedbackQuestion: { ...s.feedbackQuestion, vi: e.currentTarget.value } })
              }
            />
          </label>
          <label>
            {t("lang.en")}
            <input
              maxLength={500}
              value={s.feedbackQuestion.en}
              onInput={(e) =>
                set({ feedbackQuestion: { ...s.feedbackQuestion, en: e.currentTarget.value } })
              }
            />
          </label>
        </div>
      </fieldset>

      <fieldset>
        <legend>{t("store.behaviours")}</legend>
        <table class="edit-table">
          <thead>
            <tr>
              <th scope="col">{t("store.code")}</th>
              <th scope="col">{t("lang.vi")}</th>
              <th scope="col">{t("lang.en")}</th>
              <th scope="col">
                <span class="visually-hidden">{t("admin.remove")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {s.behaviours.map((b, i) => (
              <tr key={i}>
                <td>
                  <input
                    aria-label={t("store.code")}
                    pattern="[a-z0-9][a-z0-9_\-]*"
                    value={b.code}
                    onInput={(e) => setBehaviour(i, { code: e.currentTarget.value })}
                  />
                </td>
                <td>
                  <input
                    aria-label={t("lang.vi")}
                    value={b.label_vi}
                    onInput={(e) => setBehaviour(i, { label_vi: e.currentTarget.value })}
                  />
                </td>
                <td>
                  <input
                    aria-label={t("lang.en")}
                    value={b.label_en}
                    onInput={(e) => setBehaviour(i, { label_en: e.currentTarget.value })}
                  />
                </td>
                <td>
                  <button
                    type="button"
                    class="icon-btn"
                    aria-label={t("admin.removeItem", { item: b.code })}
                    onClick={() => set({ behaviours: s.behaviours.filter((_, j) => j !== i) })}
                  >
                    ×
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <button
          type="button"
          class="btn small ghost"
          onClick={() =>
            set({ behaviours: [...s.behaviours, { code: "", label_vi: "", label_en: "" }] })
          }
        >
          {t("store.addBehaviour")}
        </button>
      </fieldset>

      <fieldset>
        <legend>{t("store.reasons")}</legend>
        <p class="hint">{t("store.reasonsHint")}</p>
        <table class="edit-table">
          <thead>
            <tr>
              <th scope="col">{t("store.code")}</th>
              <th scope="col">{t("store.need")}</th>
              <th scope="col">{t("lang.vi")}</th>
              <th scope="col">{t("lang.en")}</th>
              <th scope="col">
                <span class="visually-hidden">{t("admin.remove")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {s.reasons.map((r, i) => (
              <tr key={i}>
                <td>
                  <input
                    aria-label={t("store.code")}
                    value={r.code}
                    onInput={(e) => setReason(i, { code: e.currentTarget.value })}
                  />
                </td>
                <td>
                  <select
                    aria-label={t("store.need")}
                    value={r.need}
                    onChange={(e) => setReason(i, { need: e.currentTarget.value as NeedCode })}
                  >
                    {NEED_CODES.map((n) => (
                      <option key={n} value={n}>
                        {label(NEEDS[n])}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <input
                    aria-label={t("lang.vi")}
                    value={r.label_vi}
                    onInput={(e) => setReason(i, { label_vi: e.currentTarget.value })}
                  />
                </td>
                <td>
                  <input
                    aria-label={t("lang.en")}
                    value={r.label_en}
                    onInput={(e) => setReason(i, { label_en: e.currentTarget.value })}
                  />
                </td>
                <td>
                  <button
                    type="button"
                    class="icon-btn"
                    aria-label={t("admin.removeItem", { item: r.code })}
                    onClick={() => set({ reasons: s.reasons.filter((_, j) => j !== i) })}
                  >
                    ×
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <button
          type="button"
          class="btn small ghost"
          onClick={() =>
            set({
              reasons: [...s.reasons, { code: "", need: "price", label_vi: "", label_en: "" }],
            })
          }
        >
          {t("store.addReason")}
        </button>
      </fieldset>

      <ProblemBanner error={error} />
      <div class="form-actions">
        {saved && (
          <span class="ok-text small" role="status">
            {t("admin.saved")}
          </span>
        )}
        {onCancel && (
          <button type="button" class="btn ghost" onClick={onCancel}>
            {t("action.cancel")}
          </button>
        )}
        <button type="submit" class="btn primary" disabled={busy}>
          {t("action.save")}
        </button>
      </div>
    </form>
  );
}
