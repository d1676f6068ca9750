// Pairing codes: an admin or manager issues a one-time code (15 minutes) for
// a store tablet (staff) or a marketer's extension, shown big and as a QR code.
import { useEffect, useState } from "preact/hooks";
import { listOf } from "../api/client.ts";
import type { PairingCode, Store } from "../api/types.ts";
import { useApp } from "../app-context.ts";
import { useI18n } from "../i18n/i18n.tsx";
import { ProblemBanner } from "../ui/problem-banner.tsx";
import { useAsync } from "../ui/use-async.ts";
import { QrCode } from "./qr-code.tsx";

/** What the QR code carries: for a kiosk, a link that opens the kiosk ready to pair. */
export function pairingPayload(code: string, role: "staff" | "marketer", origin: string): string {
  return role === "staff" ? `${origin}/kiosk/#pair=${encodeURIComponent(code)}` : code;
}

export function PairingAdmin() {
  const { api } = useApp();
  const { t } = useI18n();
  const stores = useAsync(() => api.stores().then((r) => listOf<Store>(r)), [api]);
  const [role, setRole] = useState<"staff" | "marketer">("staff");
  const [storeId, setStoreId] = useState("");
  const [label, setLabel] = useState("");
  const [issued, setIssued] = useState<(PairingCode & { role: "staff" | "marketer" }) | null>(null);
  const [error, setError] = useState<unknown>(undefined);
  const [now, setNow] = useState(Date.now());

  useEffect(() => {
    if (!issued) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [issued]);

  const store = storeId || stores.data?.[0]?.id || "";
  const left = issued
    ? Math.max(0, Math.round((new Date(issued.expiresAt).getTime() - now) / 1000))
    : 0;

  return (
    <div class="split">
      <form
        class="card form"
        onSubmit={async (e) => {
          e.preventDefault();
          setError(undefined);
          try {
            const r = await api.createPairingCode({
              role,
              ...(role === "staff" && store ? { storeId: store } : {}),
              ...(label.trim() ? { label: label.trim() } : {}),
            });
            setIssued({ ...r, role });
            setNow(Date.now());
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
        <ProblemBanner error={error} />
        <div class="form-actions">
          <button type="submit" class="btn primary">
            {t("pairing.issue")}
          </button>
        </div>
      </form>
      {issued && (
        <div class="card pairing-code" aria-live="polite">
          <p class="small muted">
            {t("pairing.codeFor", {
              target: t(issued.role === "staff" ? "pairing.kiosk" : "pairing.extension"),
            })}
          </p>
          <p class="code" data-code={issued.code}>
            {issued.code.split("").map((ch, i) => (
              <span key={i}>{ch}</span>
            ))}
          </p>
          <QrCode
            text={pairingPayload(issued.code, issued.role, location.origin)}
            label={t("pairing.qr", { code: issued.code })}
          />
          <p class={left > 0 ? "small muted" : "small warn-text"}>
            {left > 0
              ? t("pairing.expiresIn", {
                  m: Math.floor(left / 60),
                  s: String(left % 60).padStart(2, "0"),
                })
              : t("pairing.expired")}
          </p>
          <p class="hint">
            {t(issued.role === "staff" ? "pairing.kioskHow" : "pairing.extensionHow")}
          </p>
        </div>
      )}
    </div>
  );
}
