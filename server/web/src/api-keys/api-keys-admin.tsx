// API keys (admins, issue 19): create a key for a BI tool or an import job —
// its secret is shown once, with a copy button, and never again (the server
// keeps only its hash) — list the keys with their scope, creator and last
// use, and revoke one after confirming. A key whose creator was disabled,
// deleted or demoted shows as suspended, with why. Failures read in the
// user's language, and what was typed stays.
import type { ApiKey, ApiKeyScope } from "@sightline/shared/schema/api-key";
import { API_KEY_SCOPES } from "@sightline/shared/schema/api-key";
import { useState } from "preact/hooks";
import { useApp } from "../app-context.ts";
import { useI18n } from "../i18n/i18n.tsx";
import { ProblemBanner } from "../ui/problem-banner.tsx";
import { useAsync } from "../ui/use-async.ts";

type Shown = { name: string; key: string };
type Copy = "idle" | "copied" | "failed";

export function ApiKeysAdmin() {
  const { api, user } = useApp();
  const { t, locale } = useI18n();
  const isAdmin = user.role === "admin";
  // Only admins may list keys: others are told so without asking the server.
  const list = useAsync(
    () => (isAdmin ? api.apiKeys().then((r) => r.items) : Promise.resolve([])),
    [api, isAdmin],
  );
  const [name, setName] = useState("");
  const [scope, setScope] = useState<ApiKeyScope>("read");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const [rowError, setRowError] = useState<unknown>(undefined);
  const [done, setDone] = useState<string | null>(null);
  const [shown, setShown] = useState<Shown | null>(null);
  const [copy, setCopy] = useState<Copy>("idle");
  const [showRevoked, setShowRevoked] = useState(false);

  if (!isAdmin) return <p class="problem">{t("apiKeys.forbidden")}</p>;

  const keys = list.data ?? [];
  const revokedCount = keys.filter((k) => k.state === "revoked").length;
  const visible = keys.filter((k) => showRevoked || k.state !== "revoked");
  const when = (iso: string) =>
    new Date(iso).toLocaleString(locale === "vi" ? "vi-VN" : "en-GB", {
      dateStyle: "short",
      timeStyle: "short",
    });

  async function create(e: Event) {
    e.preventDefault();
    setError(undefined);
    setDone(null);
    setBusy(true);
    try {
      const created = await api.createApiKey({ name: name.trim(), scope });
      setShown({ name: name.trim(), key: created.key });
      setCopy("idle");
      setName("");
      await list.reload();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  async function copyKey(key: string) {
    try {
      await navigator.clipboard.writeText(key);
      setCopy("copied");
    } catch {
      setCopy("failed");
    }
  }

  async function revoke(k: ApiKey) {
    if (!window.confirm(t("apiKeys.revokeConfirm", { name: k.name }))) return;
    setRowError(undefined);
    setDone(null);
    try {
      await api.revokeApiKey(k.id);
      await list.reload(); // the message follows the table, never runs ahead of it
      setDone(t("apiKeys.revoked", { name: k.name }));
    } catch (err) {
      setRowError(err);
    }
  }

  return (
    <div class="stack">
      <form class="card form" onSubmit={create}>
        <h2>{t("apiKeys.new")}</h2>
        <label>
          {t("apiKeys.name")}
          <span class="hint">{t("apiKeys.nameHint")}</span>
          <input
            required
            maxLength={100}
            value={name}
            onInput={(e) => setName(e.currentTarget.value)}
          />
        </label>
        <fieldset>
          <legend>{t("apiKeys.scope")}</legend>
          {API_KEY_SCOPES.map((s) => (
            <label key={s} class="check">
              <input
                type="radio"
                name="api-key-scope"
                value={s}
                checked={scope === s}
                onChange={() => setScope(s)}
              />
              <span>
                {t(`apiKeys.scope.${s}`)}
                <span class="hint small"> — {t(`apiKeys.scopeHint.${s}`)}</span>
              </span>
            </label>
          ))}
        </fieldset>
        <ProblemBanner error={error} />
        {shown && (
          <div class="notice api-key-shown" role="status">
            <p>{t("apiKeys.shownOnce", { name: shown.name })}</p>
            <label>
              {t("apiKeys.secretLabel")}
              <input
                class="issued-code"
                readOnly
                value={shown.key}
                onFocus={(e) => e.currentTarget.select()}
              />
            </label>
            <p class="hint small">{t("apiKeys.usage")}</p>
            <div class="form-actions">
              <button type="button" class="btn small primary" onClick={() => copyKey(shown.key)}>
                {copy === "copied" ? t("apiKeys.copied") : t("apiKeys.copy")}
              </button>
              <button type="button" class="btn small" onClick={() => setShown(null)}>
                {t("apiKeys.saved")}
              </button>
            </div>
            {copy === "failed" && <p class="warn-text small">{t("apiKeys.copyFailed")}</p>}
          </div>
        )}
        <div class="form-actions">
          <button type="submit" class="btn primary" disabled={busy || !name.trim()}>
            {t("apiKeys.create")}
          </button>
        </div>
      </form>
      <div class="card">
        <h2>{t("apiKeys.title")}</h2>
        <p class="hint">{t("apiKeys.intro")}</p>
        <ProblemBanner error={list.error} onRetry={list.reload} />
        <ProblemBanner error={rowError} />
        {done && (
          <p class="ok-text small" role="status">
            {done}
          </p>
        )}
        {list.data && keys.length === 0 && <p class="muted">{t("apiKeys.empty")}</p>}
        {visible.length > 0 && (
          <table class="data">
            <thead>
              <tr>
                <th scope="col">{t("apiKeys.name")}</th>
                <th scope="col">{t("apiKeys.scope")}</th>
                <th scope="col">{t("apiKeys.key")}</th>
                <th scope="col">{t("apiKeys.createdBy")}</th>
                <th scope="col">{t("apiKeys.createdAt")}</th>
                <th scope="col">{t("apiKeys.lastUsed")}</th>
                <th scope="col">{t("apiKeys.status")}</th>
                <th scope="col">
                  <span class="visually-hidden">{t("apiKeys.revoke")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {visible.map((k) => (
                <tr key={k.id} class={k.state === "active" ? undefined : "muted"}>
                  <td>{k.name}</td>
                  <td>{t(`apiKeys.scope.${k.scope}`)}</td>
                  <td>
                    <code>slk_…{k.hint}</code>
                  </td>
                  <td>{k.createdBy.label}</td>
                  <td>{when(k.createdAt)}</td>
                  <td>{k.lastUsedAt ? when(k.lastUsedAt) : t("apiKeys.never")}</td>
                  <td
                    title={
                      k.state === "creator-inactive" ? t("apiKeys.creatorInactiveHint") : undefined
                    }
                  >
                    {t(`apiKeys.state.${k.state}`)}
                    {k.state === "creator-inactive" && (
                      <p class="hint small">{t("apiKeys.creatorInactiveHint")}</p>
                    )}
                  </td>
                  <td class="row-actions">
                    {k.state !== "revoked" && (
                      <button type="button" class="btn small danger" onClick={() => revoke(k)}>
                        {t("apiKeys.revoke")}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {revokedCount > 0 && (
          <label class="check small">
            <input
              type="checkbox"
              checked={showRevoked}
              onChange={(e) => setShowRevoked(e.currentTarget.checked)}
            />
            {t("apiKeys.showRevoked", { count: revokedCount })}
          </label>
        )}
      </div>
    </div>
  );
}
