// People of the workspace and their roles; admins add accounts here.
import { useState } from "preact/hooks";
import { ROLES, type Role } from "../api/types.ts";
import { useApp } from "../app-context.ts";
import { useI18n } from "../i18n/i18n.tsx";
import { ProblemBanner } from "../ui/problem-banner.tsx";
import { useAsync } from "../ui/use-async.ts";

export function PeopleAdmin() {
  const { api, user } = useApp();
  const { t } = useI18n();
  const list = useAsync(() => api.users().then((r) => r.items), [api]);
  const [email, setEmail] = useState("");
  const [name, setName] = useState("");
  const [role, setRole] = useState<Role>("manager");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<unknown>(undefined);
  const [created, setCreated] = useState<string | null>(null);

  return (
    <div class="split">
      <div class="card">
        <h2>{t("people.title")}</h2>
        <ProblemBanner error={list.error} onRetry={list.reload} />
        <table class="data">
          <thead>
            <tr>
              <th scope="col">{t("people.name")}</th>
              <th scope="col">{t("people.email")}</th>
              <th scope="col">{t("people.role")}</th>
            </tr>
          </thead>
          <tbody>
            {list.data?.map((u) => (
              <tr key={u.id}>
                <td>{u.name || "—"}</td>
                <td>{u.email}</td>
                <td>
                  <span class={`role role-${u.role}`}>{t(`role.${u.role}`)}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {user.role === "admin" && (
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
              setEmail("");
              setName("");
              setPassword("");
              await list.reload();
            } catch (err) {
              setError(err);
            }
          }}
        >
          <h2>{t("people.add")}</h2>
          <label>
            {t("people.name")}
            <input maxLength={200} value={name} onInput={(e) => setName(e.currentTarget.value)} />
          </label>
          <label>
            {t("people.email")}
            <input
              type="email"
              required
              value={email}
              onInput={(e) => setEmail(e.currentTarget.value)}
            />
          </label>
          <label>
            {t("people.role")}
            <select value={role} onChange={(e) => setRole(e.currentTarget.value as Role)}>
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
    </div>
  );
}
