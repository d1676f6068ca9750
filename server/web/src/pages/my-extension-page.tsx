// "Pair my browser extension": a signed-in person who captures (a marketer,
// mostly) gets a one-time code for their own extension — the extension then
// belongs to them: it sends their captures and shows only theirs. Admins and
// managers can do the same from the pairing tab, for anyone.
import { useState } from "preact/hooks";
import { IssuedCode } from "../admin/issued-code.tsx";
import type { PairingCode } from "../api/types.ts";
import { useApp } from "../app-context.ts";
import { useI18n } from "../i18n/i18n.tsx";
import { canCapture } from "../session.ts";
import { ProblemBanner } from "../ui/problem-banner.tsx";
import { useDocumentTitle } from "../ui/use-document-title.ts";

export function MyExtensionPage() {
  const { api, user } = useApp();
  const { t } = useI18n();
  useDocumentTitle(t("myExtension.title"));
  const [label, setLabel] = useState("");
  const [issued, setIssued] = useState<PairingCode | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);

  if (!canCapture(user)) {
    return (
      <section class="page narrow">
        <h1>{t("myExtension.title")}</h1>
        <p class="problem">{t("myExtension.forbidden")}</p>
      </section>
    );
  }
  return (
    <section class="page">
      <h1>{t("myExtension.title")}</h1>
      <div class="split">
        <form
          class="card form"
          onSubmit={async (e) => {
            e.preventDefault();
            setError(undefined);
            setBusy(true);
            try {
              setIssued(
                await api.createPairingCode({
                  role: "marketer",
                  ...(label.trim() ? { label: label.trim() } : {}),
                }),
              );
            } catch (err) {
              setError(err);
            } finally {
              setBusy(false);
            }
          }}
        >
          <p class="hint">{t("myExtension.lead")}</p>
          <label>
            {t("myExtension.label")}
            <input
              maxLength={100}
              value={label}
              placeholder={t("myExtension.labelPlaceholder")}
              onInput={(e) => setLabel(e.currentTarget.value)}
            />
          </label>
          <ProblemBanner error={error} />
          <div class="form-actions">
            <button type="submit" class="btn primary" disabled={busy}>
              {t(issued ? "myExtension.again" : "myExtension.issue")}
            </button>
          </div>
        </form>
        {issued && (
          <IssuedCode
            issued={{ ...issued, role: "marketer" }}
            heading={t("myExtension.codeFor")}
            qr={false}
          />
        )}
      </div>
    </section>
  );
}
