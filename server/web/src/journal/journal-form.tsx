// A journal's question, business goal and scope (dates in the workspace's
// time zone, stores, competitors, channels, needs, tags): the form for a new
// journal and for editing one. Its fields are a draft (per form and journal)
// until the server has them; a failed save keeps them and says why.
import { CHANNEL_CODES, CHANNELS } from "@sightline/shared/vocabulary/channels";
import { NEED_CODES, NEEDS } from "@sightline/shared/vocabulary/needs";
import type { ComponentChildren } from "preact";
import { useState } from "preact/hooks";
import type { JournalInput } from "../api/client.ts";
import type { Competitor, Scope, Store } from "../api/types.ts";
import { useI18n } from "../i18n/i18n.tsx";
import { ChipGroup } from "../ui/chip-group.tsx";
import { dayEndIso, dayStartIso, isoToDay } from "../ui/day-bounds.ts";
import { ProblemBanner } from "../ui/problem-banner.tsx";
import { useDraft } from "../ui/use-draft.ts";

export type JournalFields = {
  title: string;
  question: string;
  goal: string;
  from: string;
  to: string;
  storeIds: string[];
  competitorIds: string[];
  channels: string[];
  needs: string[];
  tags: string;
};

export const EMPTY_JOURNAL: JournalFields = {
  title: "",
  question: "",
  goal: "",
  from: "",
  to: "",
  storeIds: [],
  competitorIds: [],
  channels: [],
  needs: [],
  tags: "",
};

/** A journal as the form shows it (scope days in the workspace's zone). */
export function journalFields(
  j: { title: string; question: string; goal: string; scope: Scope },
  timeZone: string,
): JournalFields {
  return {
    title: j.title,
    question: j.question,
    goal: j.goal,
    from: isoToDay(j.scope.from, timeZone),
    to: isoToDay(j.scope.to, timeZone),
    storeIds: [...(j.scope.storeIds ?? [])],
    competitorIds: [...(j.scope.competitorIds ?? [])],
    channels: [...(j.scope.channels ?? [])],
    needs: [...(j.scope.needs ?? [])],
    tags: (j.scope.tags ?? []).join(", "),
  };
}

/** The form's fields as the API's journal input. */
export function journalInput(f: JournalFields, timeZone: string): JournalInput {
  const scope: Scope = {};
  if (f.from) scope.from = dayStartIso(f.from, timeZone);
  if (f.to) scope.to = dayEndIso(f.to, timeZone);
  if (f.storeIds.length) scope.storeIds = f.storeIds;
  if (f.competitorIds.length) scope.competitorIds = f.competitorIds;
  if (f.channels.length) scope.channels = f.channels as Scope["channels"];
  if (f.needs.length) scope.needs = f.needs as Scope["needs"];
  const tags = f.tags
    .split(/[,\n]/)
    .map((s) => s.trim().replace(/^#/, ""))
    .filter(Boolean);
  if (tags.length) scope.tags = tags;
  return { title: f.title.trim(), question: f.question.trim(), goal: f.goal.trim(), scope };
}

type Props = {
  /** localStorage key of the draft: one per form and journal. */
  draftKey: string;
  initial: JournalFields;
  stores: readonly Store[];
  competitors: readonly Competitor[];
  submitLabel: string;
  /** Rejects when not saved (the fields then stay). */
  onSubmit: (fields: JournalFields) => Promise<void>;
  /** Extra buttons beside submit (cancel). */
  children?: ComponentChildren;
};

export function JournalForm({
  draftKey,
  initial,
  stores,
  competitors,
  submitLabel,
  onSubmit,
  children,
}: Props) {
  const { t, label } = useI18n();
  const [f, setF, clear, restored] = useDraft(draftKey, initial);
  const [restoredNote, setRestoredNote] = useState(restored);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const set = <K extends keyof JournalFields>(k: K, v: JournalFields[K]) =>
    setF((prev) => ({ ...prev, [k]: v }));

  const save = async () => {
    if (busy) return;
    setBusy(true);
    setError(undefined);
    try {
      await onSubmit(f);
      clear();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const needOptions = (group: "product" | "service") =>
    NEED_CODES.filter((c) => NEEDS[c].group === group).map((c) => ({
      value: c,
      label: label(NEEDS[c]),
      title: label(NEEDS[c].description),
    }));

  return (
    <form
      class="card form journal-form"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      {restoredNote && (
        <p class="draft-note small">
          {t("draft.restored")}{" "}
          <button
            type="button"
            class="link"
            onClick={() => {
              clear();
              setRestoredNote(false);
            }}
          >
            {t("draft.discard")}
          </button>
        </p>
      )}
      <label>
        {t("journalNew.name")}
        <input
          required
          maxLength={200}
          value={f.title}
          onInput={(e) => set("title", e.currentTarget.value)}
        />
      </label>
      <label>
        {t("journalNew.question")}
        <span class="hint">{t("journalNew.questionHint")}</span>
        <textarea
          rows={2}
          maxLength={1000}
          value={f.question}
          onInput={(e) => set("question", e.currentTarget.value)}
        />
      </label>
      <label>
        {t("journalNew.goal")}
        <span class="hint">{t("journalNew.goalHint")}</span>
        <textarea
          rows={2}
          maxLength={1000}
          value={f.goal}
          onInput={(e) => set("goal", e.currentTarget.value)}
        />
      </label>
      <h2 class="form-section">{t("journalNew.scope")}</h2>
      <p class="hint">{t("journalNew.scopeHint")}</p>
      <div class="row">
        <label>
          {t("scope.from")}
          <input type="date" value={f.from} onInput={(e) => set("from", e.currentTarget.value)} />
        </label>
        <label>
          {t("scope.to")}
          <input
            type="date"
            value={f.to}
            min={f.from || undefined}
            onInput={(e) => set("to", e.currentTarget.value)}
          />
        </label>
      </div>
      <ChipGroup
        legend={t("scope.channels")}
        options={CHANNEL_CODES.map((c) => ({
          value: c,
          label: label(CHANNELS[c]),
          title: label(CHANNELS[c].description),
        }))}
        selected={f.channels}
        onChange={(v) => set("channels", v)}
      />
      {stores.length > 0 && (
        <ChipGroup
          legend={t("scope.stores")}
          options={stores.map((s) => ({ value: s.id, label: s.name }))}
          selected={f.storeIds}
          onChange={(v) => set("storeIds", v)}
        />
      )}
      {competitors.length > 0 && (
        <ChipGroup
          legend={t("scope.competitors")}
          options={competitors.map((c) => ({ value: c.id, label: c.name }))}
          selected={f.competitorIds}
          onChange={(v) => set("competitorIds", v)}
        />
      )}
      <ChipGroup
        legend={t("needs.product")}
        options={needOptions("product")}
        selected={f.needs}
        onChange={(v) => set("needs", v)}
        small
      />
      <ChipGroup
        legend={t("needs.service")}
        options={needOptions("service")}
        selected={f.needs}
        onChange={(v) => set("needs", v)}
        small
      />
      <label>
        {t("scope.tags")}
        <span class="hint">{t("scope.tagsHint")}</span>
        <input value={f.tags} onInput={(e) => set("tags", e.currentTarget.value)} />
      </label>
      <ProblemBanner error={error} onRetry={() => void save()} />
      <div class="form-actions">
        {children}
        <button type="submit" class="btn primary" disabled={busy}>
          {busy ? t("form.saving") : submitLabel}
        </button>
      </div>
    </form>
  );
}
