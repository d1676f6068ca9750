import { fiveW1HScore, missingFiveW1H } from "@sightline/shared/five-w1h";
import type { NeedCode } from "@sightline/shared/vocabulary/needs";
import { useEffect, useState } from "preact/hooks";
import type { ConfigView, ObservationView } from "../../messages.ts";
import { useClient } from "../client-context.ts";
import { useI18n } from "../i18n.ts";
import { type FormDraft, formDraft, patchFromDraft, withCompetitor } from "../observation-draft.ts";
import { NeedChips } from "./NeedChips.tsx";

export type ObservationFormProps = {
  observation: ObservationView;
  config: ConfigView;
  onClose(): void;
};

const BASES = ["observed", "inferred", "heard"] as const;

/** The 5W1H note of one observation, prefilled from the capture; saves as a patch of what changed. */
export function ObservationForm({ observation, config, onClose }: ObservationFormProps) {
  const client = useClient();
  const { t, locale } = useI18n();
  const [draft, setDraft] = useState<FormDraft>(() => formDraft(observation.fields));
  const [message, setMessage] = useState<string | null>(null);
  useEffect(() => {
    setDraft(formDraft(observation.fields));
    setMessage(null);
  }, [observation.id]);

  const set = <K extends keyof FormDraft>(k: K, v: FormDraft[K]) =>
    setDraft((d) => ({ ...d, [k]: v }));
  const preview = { ...observation.fields, ...patchFromDraft(formDraft({}), draft) } as Record<
    string,
    unknown
  >;
  const score = fiveW1HScore(preview);
  const missing = missingFiveW1H(preview).map((k) => t(`form.${k}`).split(" (")[0]);

  const save = async (e: Event) => {
    e.preventDefault();
    if (!draft.what.trim()) {
      setMessage(t("form.whatRequired"));
      return;
    }
    const patch = patchFromDraft(formDraft(observation.fields), draft);
    if (Object.keys(patch).length === 0) {
      setMessage(t("form.saved"));
      return;
    }
    const r = await client.request({
      type: "observation.update",
      id: observation.id,
      fields: patch,
    });
    setMessage(r.ok ? t("form.saved") : t("error.generic", { detail: r.error ?? "" }));
  };
  const remove = async () => {
    const r = await client.request({ type: "observation.delete", id: observation.id });
    if (r.ok) onClose();
  };
  const capturedAt = String(observation.fields.capturedAt ?? "");
  const line = (k: "who" | "where" | "how") => (
    <label>
      <span>{t(`form.${k}`)}</span>
      <input value={draft[k]} onInput={(e) => set(k, e.currentTarget.value)} />
    </label>
  );

  return (
    <form class="obs-form" onSubmit={save} data-testid="observation-form">
      <header>
        <h2>{t("form.title")}</h2>
        <span
          class="score"
          title={missing.length ? t("form.missing", { list: missing.join(", ") }) : ""}
        >
          {t("form.score", { score })}
        </span>
        <button type="button" class="link" onClick={onClose} aria-label="×">
          ×
        </button>
      </header>
      <label>
        <span>{t("form.what")}</span>
        <textarea
          rows={3}
          value={draft.what}
          onInput={(e) => set("what", e.currentTarget.value)}
          data-testid="form-what"
        />
      </label>
      <label>
        <span>{t("form.competitor")}</span>
        <select
          value={draft.competitorId}
          onChange={(e) => {
            const id = e.currentTarget.value;
            setDraft((d) => withCompetitor(d, id, config));
          }}
        >
          <option value="">{t("form.noCompetitor")}</option>
          {config.competitors.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </label>
      {line("who")}
      <p class="muted">
        {t("form.when")}: {capturedAt ? new Date(capturedAt).toLocaleString(locale) : "—"}
      </p>
      {line("where")}
      <label>
        <span>{t("form.why")}</span>
        <textarea rows={2} value={draft.why} onInput={(e) => set("why", e.currentTarget.value)} />
      </label>
      {line("how")}
      <fieldset>
        <legend>{t("form.needs")}</legend>
        <NeedChips value={draft.needs as NeedCode[]} onChange={(needs) => set("needs", needs)} />
      </fieldset>
      <label>
        <span>
          {t("form.tags")} <small class="muted">({t("form.tagsHint")})</small>
        </span>
        <input
          list="sightline-tags"
          value={draft.tags}
          onInput={(e) => set("tags", e.currentTarget.value)}
        />
        <datalist id="sightline-tags">
          {config.tags.map((tag) => (
            <option key={tag} value={tag} />
          ))}
        </datalist>
      </label>
      <fieldset class="basis">
        <legend>{t("form.basis")}</legend>
        {BASES.map((b) => (
          <label key={b} class="inline">
            <input
              type="radio"
              name="basis"
              checked={draft.basis === b}
              onChange={() => set("basis", b)}
            />
            {t(`basis.${b}`)}
          </label>
        ))}
      </fieldset>
      <div class="row">
        <button type="submit" class="primary" data-testid="form-save">
          {t("form.save")}
        </button>
        <button type="button" class="danger" onClick={() => void remove()}>
          {t("form.delete")}
        </button>
        {message && <span role="status">{message}</span>}
      </div>
    </form>
  );
}
