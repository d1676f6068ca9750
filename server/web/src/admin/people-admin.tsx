// People of the workspace and their roles. Admins add accounts, change a
// person's name and role, disable and enable them (signed out at once),
// delete them (their work stays, under their name) and issue a one-time
// password reset code, shown once. The workspace keeps at least one enabled
// admin (the server says last-admin; the message is in the user's language).
// Everyone here also manages their own account (AccountCard). A failed
// change keeps what was typed, and so does a reload: the new person's name,
// email and role and a row being edited are drafts (use-draft.ts) until
// saved — never the password.
import { useState } from "preact/hooks";
import type { UserListItem } from "../api/client.ts";
import { ROLES, type Role } from "../api/types.ts";
import { useApp } from "../app-context.ts";
import { useI18n } from "../i18n/i18n.tsx";
import { CapNote } from "../ui/cap-note.tsx";
import { DraftNote } from "../ui/draft-note.tsx";
import { ProblemBanner } from "../ui/problem-banner.tsx";
import { useAsync } from "../ui/use-async.ts";
import { useDraft } from "../ui/use-draft.ts";
import { AccountCard } from "./account-card.tsx";

type Draft = { id: string; name: string; role: Role };
type NewPerson = { email: string; name: string; role: Role };
const NO_ONE: NewPerson = { email: "", name: "", role: "manager" };
type Issued = { email: string; code: string; expiresAt: string };

/** The reset code in groups of four, easier to read aloud. */
export const groupCode = (code: string) => code.replace(/(.{4})(?=.)/g, "$1 ");

export function PeopleAdmin() {
  const { api, user } = useApp();
  const { t, locale } = useI18n();
  const isAdmin = user.role === "admin";
  const response = useAsync(() => api.users(), [api]);
  const list = { ...response, data: response.data?.items };
  const [newPerson, setNewPerson, clearNewPerson, restored] = useDraft("people.new", NO_ONE);
  const { email, name, role } = newPerson;
  const setField = <K extends keyof NewPerson>(k: K, v: NewPerson[K]) =>
    setNewPerson((p) => ({ ...p, [k]: v }));
  const [draftNote, setDraftNote] = useState(restored);
  const [password, setPassword] = useState("");
  const [error, setError] = useState<unknown>(undefined);
  const [created, setCreated] = useState<string | null>(null);
  const [rowError, setRowError] = useState<unknown>(undefined);
  const [done, setDone] = useState<string | null>(null);
  const [draft, setDraft] = useDraft<Draft | null>("people.edit", null);
  const [issued, setIssued] = useState<Issued | null>(null);
  const [showDeleted, setShowDeleted] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);

  const people = list.data ?? [];
  const deletedCount = people.filter((u) => u.deleted).length;
  const shown = people.filter((u) => showDeleted || !u.deleted);

  /** Run one change on a row: the banner says what failed, the draft stays. */
  async function change(u: UserListItem, run: () => Promise<unknown>, message: string) {
    setRowError(undefined);
    setDone(null);
    setBusy(u.id);
    try {
      await run();
      setDone(message);
      await list.reload();
      return true;
    } catch (e) {
      setRowError(e);
      return false;
    } finally {
      setBusy(null);
    }
  }

  const status = (u: UserListItem) =>
    u.deleted
      ? t("people.deletedBadge")
      : u.disabled
        ? t("people.disabledBadge")
        : t("people.active");

  return (
    <div class="split">
      <div class="card">
        <h2>{t("people.title")}</h2>
        <ProblemBanner error={list.error} onRetry={list.reload} />
        <CapNote list={response.data} />
        <ProblemBanner error={rowError} />
        {done && (
          <p class="ok-text small" role="status">
            {done}
          </p>
        )}
        {issued && (
          <div class="notice" role="status">
            <p>
              {t("people.resetCode", {
                email: issued.email,
                until: new Date(issued.expiresAt).toLocaleString(
                  locale === "vi" ? "vi-VN" : "en-GB",
                ),
              })}
            </p>
            <p>
              <code class="issued-code">{groupCode(issued.code)}</code>
            </p>
            <button type="button" class="btn small" onClick={() => setIssued(null)}>
              {t("people.cancel")}
            </button>
          </div>
        )}
        <table class="data">
          <thead>
            <tr>
              <th scope="col">{t("people.name")}</th>
              <th scope="col">{t("people.email")}</th>
              <th scope="col">{t("people.role")}</th>
              <th scope="col">{t("people.status")}</th>
              {isAdmin && <th scope="col">{t("people.actions")}</th>}
            </tr>
          </thead>
          <tbody>
            {shown.map((u) => {
              const editing = draft?.id === u.id ? draft : null;
              const me = u.id === user.id;
              return (
                <tr key={u.id} class={u.deleted || u.disabled ? "muted" : undefined}>
                  <td>
                    {editing ? (
                      <input
                        aria-label={t("people.name")}
                        maxLength={200}
                        value={editing.name}
                        onInput={(e) => setDraft({ ...editing, name: e.currentTarget.value })}
                      />
                    ) : (
                      <>
                        {u.name || "—"} {me && <span class="hint">{t("people.you")}</span>}
                      </>
                    )}
                  </td>
                  <td>{u.deleted ? "—" : u.email}</td>
                  <td>
                    {editing ? (
                      <select
                        aria-label={t("people.role")}
                        value={editing.role}
                        onChange={(e) =>
                          setDraft({ ...editing, role: e.currentTarget.value as Role })
                        }
                      >
                        {ROLES.map((r) => (
                          <option key={r} value={r}>
                            {t(`role.${r}`)}
                          </option>
                        ))}
                      </select>
                    ) : (
                      <span class={`role role-${u.role}`}>{t(`role.${u.role}`)}</span>
                    )}
                  </td>
                  <td>{status(u)}</td>
                  {isAdmin && (
                    <td class="row-actions">
                      {u.deleted ? null : editing ? (
                        <>
                          <button
                            type="button"
                            class="btn small primary"
                            disabled={busy === u.id}
                            onClick={async () => {
                              const ok = await change(
                                u,
                                () =>
                                  api.patchUser(u.id, {
                                    name: editing.name.trim() || null,
                                    role: editing.role,
                                  }),
                                t("people.saved", { email: u.email }),
                              );
                              if (ok) setDraft(null);
                            }}
                          >
                            {t("people.save")}
                          </button>
                          <button type="button" class="btn small" onClick={() => setDraft(null)}>
                            {t("people.cancel")}
                          </button>
                        </>
                      ) : (
                        <>
                          <button
                            type="button"
                            class="btn small"
                            onClick={() => {
                              setRowError(undefined);
                              setDraft({ id: u.id, name: u.name ?? "", role: u.role });
                            }}
                          >
                            {t("people.edit")}
                          </button>
                          <button
                            type="button"
                            class="btn small"
                            title={t("people.disableHint")}
                            disabled={busy === u.id}
                            onClick={() =>
                              change(
                                u,
                                () => api.patchUser(u.id, { disabled: !u.disabled }),
                                t("people.saved", { email: u.email }),
                              )
                            }
                          >
                            {u.disabled ? t("people.enable") : t("people.disable")}
                          </button>
                          <button
                            type="button"
                            class="btn small"
                            disabled={busy === u.id || Boolean(u.disabled)}
                            onClick={async () => {
                              setRowError(undefined);
                              setDone(null);
                              try {
                                const r = await api.issuePasswordReset(u.id);
                                setIssued({ email: u.email, code: r.code, expiresAt: r.expiresAt });
                              } catch (e) {
                                setRowError(e);
                              }
                            }}
                          >
                            {t("people.reset")}
                          </button>
                          <button
                            type="button"
                            class="btn small danger"
                            disabled={busy === u.id}
                            onClick={() => {
                              const ask = t("people.deleteConfirm", {
                                email: u.email,
                                name: u.name || u.email,
                              });
                              if (!window.confirm(ask)) return;
                              void change(
                                u,
                                () => api.deleteUser(u.id),
                                t("people.deleted", { email: u.email }),
                              );
                            }}
                          >
                            {t("people.delete")}
                          </button>
                        </>
                      )}
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
        {isAdmin && <p class="hint small">{t("people.lastAdminHint")}</p>}
        {deletedCount > 0 && (
          <label class="check small">
            <input
              type="checkbox"
              checked={showDeleted}
              onChange={(e) => setShowDeleted(e.currentTarget.checked)}
            />
            {t("people.showDeleted", { count: deletedCount })}
          </label>
        )}
      </div>
      <div>
        {isAdmin && (
          <form
            class="card form"
            onSubmit={async (e) => {
              e.preventDefault();
              setError(undefined);
              setCreated(null);
              try {
                await api.createUser({
                  email: email.trim(),
                  password,
                  role,
                  ...(name.trim() ? { name: name.trim() } : {}),
                });
                setCreated(email.trim());
                clearNewPerson();
                setDraftNote(false);
                setPassword("");
                await list.reload();
              } catch (err) {
                setError(err);
              }
            }}
          >
            <h2>{t("people.add")}</h2>
            {draftNote && (
              <DraftNote
                onDiscard={() => {
                  clearNewPerson();
                  setDraftNote(false);
                }}
              />
            )}
            <label>
              {t("people.name")}
              <input
                maxLength={200}
                value={name}
                onInput={(e) => setField("name", e.currentTarget.value)}
              />
            </label>
            <label>
              {t("people.email")}
              <input
                type="email"
                required
                value={email}
                onInput={(e) => setField("email", e.currentTarget.value)}
              />
            </label>
            <label>
              {t("people.role")}
              <select
                value={role}
                onChange={(e) => setField("role", e.currentTarget.value as Role)}
              >
                {ROLES.map((r) => (
                  <option key={r} value={r}>
                    {t(`role.${r}`)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t("people.password")}
              <span class="hint">{t("people.passwordHint")}</span>
              <input
                type="password"
                required
                minLength={10}
                autocomplete="new-password"
                value={password}
                onInput={(e) => setPassword(e.currentTarget.value)}
              />
            </label>
            <ProblemBanner error={error} />
            {created && (
              <p class="ok-text small" role="status">
                {t("people.created", { email: created })}
              </p>
            )}
            <div class="form-actions">
              <button type="submit" class="btn primary">
                {t("people.create")}
              </button>
            </div>
          </form>
        )}
        <AccountCard />
      </div>
    </div>
  );
}
