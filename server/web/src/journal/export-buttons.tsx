// Download the journal as Markdown, Markdown with its screenshots (zip), CSV
// or JSON, or open the print-ready HTML (print it to PDF from the browser).
// Plain links: the session cookie goes along, and the server names the file
// from the journal's title (Content-Disposition), so `download` carries no name.
import type { Api, ExportFormat } from "../api/client.ts";
import { useI18n } from "../i18n/i18n.tsx";

const FORMATS: readonly ExportFormat[] = ["md", "zip", "csv", "json", "html"];

type Props = { api: Api; journalId: string };

export function ExportButtons({ api, journalId }: Props) {
  const { t, locale } = useI18n();
  return (
    <div class="export">
      <span class="small muted">{t("export.label")}</span>
      {FORMATS.map((f) =>
        f === "html" ? (
          <a
            key={f}
            class="btn small ghost"
            href={api.exportUrl(journalId, f, locale)}
            target="_blank"
            rel="noopener"
          >
            {t("export.html")}
          </a>
        ) : (
          <a key={f} class="btn small ghost" href={api.exportUrl(journalId, f, locale)} download>
            {t(`export.${f}`)}
          </a>
        ),
      )}
    </div>
  );
}
