// Webhooks (admins and managers, issue 19): subscribe a URL with a secret
// (the secret is never shown again — the server only signs with it), send a
// signed test and see what the receiver answered, read each webhook's
// delivery log (status code, attempts, next retry), delete one after
// confirming. Failures read in the user's language; what was typed stays.
import type { Webhook, WebhookDeliveryView } from "@sightline/shared/schema/webhook";
import { useState } from "preact/hooks";
import { useApp } from "../app-context.ts";
import { type T, useI18n } from "../i18n/i18n.tsx";
import { ProblemBanner } from "../ui/problem-banner.tsx";
import { useAsync } from "../ui/use-async.ts";

/** What went wrong with an attempt, in words: the HTTP status, or why there was none. */
export function attemptOutcome(d: WebhookDeliveryView, t: T): string {
  if (d.status === "delivered")
    return t("webhooks.outcome.delivered", { code: d.lastStatusCode ?? 200 });
  if (d.lastStatusCode !== null) return t("webhooks.outcome.status", { code: d.lastStatusCode });
  if (d.lastError === "timed out") return t("webhooks.outcome.timeout");
  if (d.lastError?.startsWith("network error")) return t("webhooks.outcome.network");
  // "refused: <class> address <ip>" (server/src/webhooks/send.ts): no request was made.
  if (d.lastError?.startsWith("refused:")) return t("webhooks.outcome.refused");
  return d.attempts === 0 ? t("webhooks.outcome.waiting") : t("webhooks.outcome.failed");
}

export function WebhooksAdmin() {
  const { api } = useApp();
  const { t, locale } = useI18n();
  const list = useAsync(() => api.webhooks().then((r) => r.items), [api]);
  const [url, setUrl] = useState("");
  const [secret, setSecret] = useState("");
  const [language, setLanguage] = useState<"vi" | "en">(locale);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const [rowError, setRowError] = useState<unknown>(undefined);
  const [done, setDone] = useState<string | null>(null);
  const [open, setOpen] = useState<string | null>(null);

  const when = (iso: string) =>
    new Date(iso).toLocaleString(locale === "vi" ? "vi-VN" : "en-GB", {
      dateStyle: "short",
      timeStyle: "medium",
    });

  async function create(e: Event) {
    e.preventDefault();
    setError(undefined);
    setDone(null);
    setBusy(true);
    try {
      await api.createWebhook({ url: url.trim(), secret, language });
      const added = url.trim();
      setUrl("");
      setSecret("");
      // Said once the list shows it, so the message never runs ahead of the table.
      await list.reload();
      setDone(t("webhooks.added", { url: added }));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  async function test(w: Webhook) {
    setRowError(undefined);
    setDone(null);
    try {
      const d = await api.testWebhook(w.id);
      setDone(`${t("webhooks.testSent", { url: w.url })} ${attemptOutcome(d, t)}`);
      setOpen(w.id);
    } catch (err) {
      setRowError(err);
    }
  }

  async function remove(w: Webhook) {
    if (!window.confirm(t("webhooks.deleteConfirm", { url: w.url }))) return;
    setRowError(undefined);
    setDone(null);
    try {
      await api.deleteWebhook(w.id);
      if (open === w.id) setOpen(null);
      await list.reload();
      setDone(t("webhooks.deleted", { url: w.url }));
    } catch (err) {
      setRowError(err);
    }
  }

  const hooks = list.data ?? [];
  return (
    <div class="split">
      <div class="card">
        <h2>{t("webhooks.title")}</h2>
        <p class="hint">{t("webhooks.intro")}</p>
        <ProblemBanner error={list.error} onRetry={list.reload} />
        <ProblemBanner error={rowError} />
        {done && (
          <p class="ok-text small" role="status">
            {done}
          </p>
        )}
        {list.data && hooks.length === 0 && <p class="muted">{t("webhooks.empty")}</p>}
        {hooks.length > 0 && (
          <table class="data">
            <thead>
              <tr>
                <th scope="col">{t("webhooks.url")}</th>
                <th scope="col">{t("webhooks.language")}</th>
                <th scope="col">{t("webhooks.createdAt")}</th>
                <th scope="col">
                  <span class="visually-hidden">{t("webhooks.actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {hooks.map((w) => (
                <tr key={w.id}>
                  <td>
                    <code>{w.url}</code>
                  </td>
                  <td>{w.language === "vi" ? "Tiếng Việt" : "English"}</td>
                  <td>{when(w.createdAt)}</td>
                  <td class="row-actions">
                    <button type="button" class="btn small" onClick={() => test(w)}>
                      {t("webhooks.test")}
                    </button>
                    <button
                      type="button"
                      class="btn small"
                      aria-expanded={open === w.id}
                      onClick={() => setOpen(open === w.id ? null : w.id)}
                    >
                      {t("webhooks.log")}
                    </button>
                    <button type="button" class="btn small danger" onClick={() => remove(w)}>
                      {t("webhooks.delete")}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {open && <DeliveryLog key={open} webhookId={open} when={when} />}
      </div>
      <form class="card" onSubmit={create}>
        <h2>{t("webhooks.add")}</h2>
        <ProblemBanner error={error} />
        <label>
          {t("webhooks.url")}
          <input
            type="url"
            required
            value={url}
            placeholder="https://…"
            onInput={(e) => setUrl(e.currentTarget.value)}
          />
        </label>
        <label>
          {t("webhooks.secret")}
          <input
            type="password"
            required
            minLength={16}
            autoComplete="new-password"
            value={secret}
            onInput={(e) => setSecret(e.currentTarget.value)}
          />
        </label>
        <p class="hint small">{t("webhooks.secretHint")}</p>
        <label>
          {t("webhooks.language")}
          <select
            value={language}
            onChange={(e) => setLanguage(e.currentTarget.value === "en" ? "en" : "vi")}
          >
            <option value="vi">Tiếng Việt</option>
            <option value="en">English</option>
          </select>
        </label>
        <div class="form-actions">
          <button type="submit" class="btn primary" disabled={busy}>
            {t("webhooks.add")}
          </button>
        </div>
      </form>
    </div>
  );
}

function DeliveryLog({ webhookId, when }: { webhookId: string; when: (iso: string) => string }) {
  const { api } = useApp();
  const { t } = useI18n();
  const log = useAsync(
    () => api.webhookDeliveries(webhookId).then((r) => r.items),
    [api, webhookId],
  );
  const items = log.data ?? [];
  return (
    <section aria-label={t("webhooks.log")}>
      <h3>
        {t("webhooks.log")}{" "}
        <button type="button" class="btn small" onClick={() => log.reload()}>
          {t("webhooks.refresh")}
        </button>
      </h3>
      <ProblemBanner error={log.error} onRetry={log.reload} />
      {log.data && items.length === 0 && <p class="muted">{t("webhooks.logEmpty")}</p>}
      {items.length > 0 && (
        <table class="data">
          <thead>
            <tr>
              <th scope="col">{t("webhooks.event")}</th>
              <th scope="col">{t("webhooks.createdAt")}</th>
              <th scope="col">{t("webhooks.outcome")}</th>
              <th scope="col">{t("webhooks.attempts")}</th>
              <th scope="col">{t("webhooks.nextRetry")}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((d) => (
              <tr key={d.id}>
                <td>
                  {d.type === "webhook.test" ? t("webhooks.event.test") : t("webhooks.event.alert")}
                </td>
                <td>{when(d.createdAt)}</td>
                <td
                  class={
                    d.status === "delivered"
                      ? "ok-text"
                      : d.status === "failed"
                        ? "warn-text"
                        : undefined
                  }
                >
                  {attemptOutcome(d, t)}
                </td>
                <td>{d.attempts}</td>
                <td>
                  {d.status === "pending" && d.nextAttemptAt
                    ? when(d.nextAttemptAt)
                    : d.status === "failed"
                      ? t("webhooks.gaveUp")
                      : "—"}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
