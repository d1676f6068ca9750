// Pairing codes: an admin or manager issues a one-time code (15 minutes) for
// a store tablet (staff) or for a person's browser extension (the extension
// belongs to that person: it sends and sees only their captures), shown big
// and as a QR code.
import { useState } from "preact/hooks";
import { listOf } from "../api/client.ts";
import type { PairingCode, Role } from "../api/types.ts";
import { useApp } from "../app-context.ts";
import { useI18n } from "../i18n/i18n.tsx";
import { ProblemBanner } from "../ui/problem-banner.tsx";
import { useAsync } from "../ui/use-async.ts";
import { IssuedCode } from "./issued-code.tsx";

export { pairingPayload } from "./issued-code.tsx";

/** People an extension can belong to: those who capture (as the server checks). */
const CAPTURING: readonly Role[] = ["admin", "manager", "marketer"];

type Issued = PairingCode & { role: "staff" | "marketer"; person: string | null };

export function PairingAdmin() {
  const { api, user } = useApp();
  const { t } = useI18n();
  const stores = useAsync(() => api.stores().then((r) => listOf(r)), [api]);
  const people = useAsync(
    () => api.users().then((r) => listOf(r).filter((u) => CAPTURING.includes(u.role))),
    [api],
  );
  const [role, setRole] = useState<"staff" | "marketer">("staff");
  const [storeId, setStoreId] = useState("");
  const [personId, setPersonId] = useState(user.id);
  const [label, setLabel] = useState("");
  const [issued, setIssued] = useState<Issued | null>(null);
  const [error, setError] = useState<unknown>(undefined);

  const store = storeId || stores.data?.[0]?.id || "";
  const personName = (id: string) => {
    const p = people.data?.find((u) => u.id === id);
    return p ? p.name || p.email : id === user.id ? user.name || user.email : id;
  };
  const others = (people.data ?? []).filter((u) => u.id !== user.id);

  return (
    <div class="split">
      <form
        class="card form"
        onSubmit={async (e) => {
          e.preventDefault();
          setError(undefined);
          try {
            const forOther = role === "marketer" && personId !== user.id;
            const r = await api.createPairingCode({
              role,
              ...(role === "staff" && store ? { storeId: store } : {}),
              ...(forOther ? { userId: personId } : {}),
              ...(label.trim() ? { label: label.trim() } : {}),
            });
            setIssued({ ...r, role, person: role === "marketer" ? personName(personId) : null });
          } catch (err) {
            setError(err);
          }
        }}
      >
        <h2>{t("pairing.title")}</h2>
        <p class="hint">{t("pairing.lead")}</p>
        <fieldset class="radio-row">
          <legend>{t("pairing.for")}</legend>
          <label class="check">
            <input
              type="radio"
              name="role"
              checked={role === "staff"}
              onChange={() => setRole("staff")}
            />
            {t("pairing.kiosk")}
          </label>
          <label class="check">
            <input
              type="radio"
              name="role"
              checked={role === "marketer"}
              onChange={() => setRole("marketer")}
            />
            {t("pairing.extension")}
          </label>
        </fieldset>
        {role === "staff" && (
          <label>
            {t("devices.store")}
            <select value={store} onChange={(e) => setStoreId(e.currentTarget.value)} required>
              {(stores.data ?? []).map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </label>
        )}
        {role === "marketer" && (
          <label>
            {t("pairing.person")}
            <select
              name="person"
              value={personId}
              onChange={(e) => setPersonId(e.currentTarget.value)}
            >
              <option value={user.id}>
                {t("pairing.me", { person: user.name || user.email })}
              </option>
              {others.map((u) => (
                <option key={u.id} value={u.id}>
                  {t("pairing.personOption", {
                    person: u.name || u.email,
                    role: t(`role.${u.role}`),
                  })}
                </option>
              ))}
            </select>
            <span class="hint">{t("pairing.personHint")}</span>
          </label>
        )}
        <label>
          {t("pairing.label")}
          <input
            maxLength={100}
            value={label}
            placeholder={t("pairing.labelPlaceholder")}
            onInput={(e) => setLabel(e.currentTarget.value)}
          />
        </label>
        <ProblemBanner error={stores.error} />
        <ProblemBanner error={people.error} />
        <ProblemBanner error={error} />
        <div class="form-actions">
          <button type="submit" class="btn primary">
            {t("pairing.issue")}
          </button>
        </div>
      </form>
      {issued && (
        <IssuedCode
          issued={issued}
          heading={t("pairing.codeFor", {
            target:
              issued.role === "staff"
                ? t("pairing.kiosk")
                : t("pairing.extensionOf", { person: issued.person ?? "" }),
          })}
        />
      )}
    </div>
  );
}
