// Create a journal: a question, a business goal and the scope of observations
// it draws on (dates, stores, competitors, channels, needs, tags).
import { CHANNEL_CODES, CHANNELS } from "@sightline/shared/vocabulary/channels";
import { NEED_CODES, NEEDS } from "@sightline/shared/vocabulary/needs";
import { useState } from "preact/hooks";
import { listOf } from "../api/client.ts";
import type { Scope } from "../api/types.ts";
import { useApp } from "../app-context.ts";
import { useI18n } from "../i18n/i18n.tsx";
import { href, navigate } from "../route.ts";
import { ChipGroup } from "../ui/chip-group.tsx";
import { dayEndIso, dayStartIso } from "../ui/day-bounds.ts";
import { ProblemBanner } from "../ui/problem-banner.tsx";
import { useAsync } from "../ui/use-async.ts";
import { useDocumentTitle } from "../ui/use-document-title.ts";

export function JournalNewPage() {
  const { api } = useApp();
  const { t, label } = useI18n();
  useDocumentTitle(t("journalNew.title"));
  const refs = useAsync(async () => {
    const [stores, competitors] = await Promise.all([
      api.stores().then((r) => listOf(r)),
      api.competitors().then((r) => listOf(r)),
    ]);
    return { stores, competitors };
  }, [api]);

  const [title, setTitle] = useState("");
  const [question, setQuestion] = useState("");
  const [goal, setGoal] = useState("");
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const [storeIds, setStoreIds] = useState<string[]>([]);
  const [competitorIds, setCompetitorIds] = useState<string[]>([]);
  const [channels, setChannels] = useState<string[]>([]);
  const [needs, setNeeds] = useState<string[]>([]);
  const [tags, setTags] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    const scope: Scope = {};
    if (from) scope.from = dayStartIso(from);
    if (to) scope.to = dayEndIso(to);
    if (storeIds.length) scope.storeIds = storeIds;
    if (competitorIds.length) scope.competitorIds = competitorIds;
    if (channels.length) scope.channels = channels as Scope["channels"];
    if (needs.length) scope.needs = needs as Scope["needs"];
    const tagList = tags
      .split(/[,\n]/)
      .map((s) => s.trim().replace(/^#/, ""))
      .filter(Boolean);
    if (tagList.length) scope.tags = tagList;
    try {
      const r = await api.createJournal({
        title: title.trim(),
        question: question.trim(),
        goal: goal.trim(),
        scope,
      });
      navigate({ page: "journal", id: r.id });
    } catch (err) {
      setError(err);
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
    <section class="page narrow">
      <p class="crumbs">
        <a href={href({ page: "journals" })}>{t("nav.journals")}</a>
      </p>
      <h1>{t("journalNew.title")}</h1>
      <p class="muted">{t("journalNew.lead")}</p>
      <form class="card form" onSubmit={submit}>
        <label>
          {t("journalNew.name")}
          <input
            required
            maxLength={200}
            value={title}
            onInput={(e) => setTitle(e.currentTarget.value)}
          />
        </label>
        <label>
          {t("journalNew.question")}
          <span class="hint">{t("journalNew.questionHint")}</span>
          <textarea
            rows={2}
            maxLength={1000}
            value={question}
            onInput={(e) => setQuestion(e.currentTarget.value)}
          />
        </label>
        <label>
          {t("journalNew.goal")}
          <span class="hint">{t("journalNew.goalHint")}</span>
          <textarea
            rows={2}
            maxLength={1000}
            value={goal}
            onInput={(e) => setGoal(e.currentTarget.value)}
          />
        </label>
        <h2 class="form-section">{t("journalNew.scope")}</h2>
        <p class="hint">{t("journalNew.scopeHint")}</p>
        <div class="row">
          <label>
            {t("scope.from")}
            <input type="date" value={from} onInput={(e) => setFrom(e.currentTarget.value)} />
          </label>
          <label>
            {t("scope.to")}
            <input
              type="date"
              value={to}
              min={from || undefined}
              onInput={(e) => setTo(e.currentTarget.value)}
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
          selected={channels}
          onChange={setChannels}
        />
        {refs.data && refs.data.stores.length > 0 && (
          <ChipGroup
            legend={t("scope.stores")}
            options={refs.data.stores.map((s) => ({ value: s.id, label: s.name }))}
            selected={storeIds}
            onChange={setStoreIds}
          />
        )}
        {refs.data && refs.data.competitors.length > 0 && (
          <ChipGroup
            legend={t("scope.competitors")}
            options={refs.data.competitors.map((c) => ({ value: c.id, label: c.name }))}
            selected={competitorIds}
            onChange={setCompetitorIds}
          />
        )}
        <ChipGroup
          legend={t("needs.product")}
          options={needOptions("product")}
          selected={needs}
          onChange={setNeeds}
          small
        />
        <ChipGroup
          legend={t("needs.service")}
          options={needOptions("service")}
          selected={needs}
          onChange={setNeeds}
          small
        />
        <label>
          {t("scope.tags")}
          <span class="hint">{t("scope.tagsHint")}</span>
          <input value={tags} onInput={(e) => setTags(e.currentTarget.value)} />
        </label>
        <ProblemBanner error={refs.error} />
        <ProblemBanner error={error} />
        <div class="form-actions">
          <a class="btn ghost" href={href({ page: "journals" })}>
            {t("action.cancel")}
          </a>
          <button type="submit" class="btn primary" disabled={busy}>
            {t("journalNew.create")}
          </button>
        </div>
      </form>
    </section>
  );
}
