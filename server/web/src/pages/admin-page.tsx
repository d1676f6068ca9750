// Workspace set-up for admins and managers: stores, competitors, people,
// devices and pairing codes, one tab each; the audit log and API keys for
// admins only.
import { AuditAdmin } from "../admin/audit-admin.tsx";
import { CompetitorsAdmin } from "../admin/competitors-admin.tsx";
import { DevicesAdmin } from "../admin/devices-admin.tsx";
import { PairingAdmin } from "../admin/pairing-admin.tsx";
import { PeopleAdmin } from "../admin/people-admin.tsx";
import { StoresAdmin } from "../admin/stores-admin.tsx";
import { ApiKeysAdmin } from "../api-keys/api-keys-admin.tsx";
import { useApp } from "../app-context.ts";
import { useI18n } from "../i18n/i18n.tsx";
import { ADMIN_SECTIONS, type AdminSection, href } from "../route.ts";
import { canAdmin } from "../session.ts";
import { useDocumentTitle } from "../ui/use-document-title.ts";
import { WebhooksAdmin } from "../webhooks/webhooks-admin.tsx";

type Props = { section: AdminSection };

/** Tabs for admins only (managers see the rest). */
const ADMIN_ONLY: ReadonlySet<AdminSection> = new Set(["audit", "api-keys"]);

export function AdminPage({ section }: Props) {
  const { user } = useApp();
  const { t } = useI18n();
  useDocumentTitle(`${t(`admin.${section}`)} · ${t("admin.title")}`);
  if (!canAdmin(user)) {
    return (
      <section class="page narrow">
        <h1>{t("admin.title")}</h1>
        <p class="problem">{t("admin.forbidden")}</p>
      </section>
    );
  }
  return (
    <section class="page">
      <h1>{t("admin.title")}</h1>
      <nav class="tabs" aria-label={t("admin.title")}>
        {ADMIN_SECTIONS.filter((s) => !ADMIN_ONLY.has(s) || user.role === "admin").map((s) => (
          <a
            key={s}
            href={href({ page: "admin", section: s })}
            aria-current={s === section ? "page" : undefined}
          >
            {t(`admin.${s}`)}
          </a>
        ))}
      </nav>
      {section === "stores" && <StoresAdmin />}
      {section === "competitors" && <CompetitorsAdmin />}
      {section === "people" && <PeopleAdmin />}
      {section === "devices" && <DevicesAdmin />}
      {section === "pairing" && <PairingAdmin />}
      {section === "audit" && <AuditAdmin />}
      {section === "webhooks" && <WebhooksAdmin />}
      {section === "api-keys" && <ApiKeysAdmin />}
    </section>
  );
}
