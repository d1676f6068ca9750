import { useState } from "preact/hooks";
import { useClient } from "../client-context.ts";
import { useI18n } from "../i18n.ts";

export type ExportUnsentProps = { download(name: string, text: string): void };

/**
 * "Export unsent data": the queue as sightline-unsent JSON files, for a
 * manager to import in the web app. Reading it changes nothing here.
 */
export function ExportUnsent({ download }: ExportUnsentProps) {
  const client = useClient();
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  const run = async () => {
    setBusy(true);
    try {
      const { files } = await client.request({ type: "export.unsent" });
      for (const f of files) download(f.name, f.text);
      const count = files.reduce((n, f) => n + f.mutations, 0);
      setMessage(
        files.length === 0
          ? t("export.none")
          : t("export.done", { count, files: files.map((f) => f.name).join(", ") }),
      );
    } catch (e) {
      setMessage(t("export.failed", { detail: e instanceof Error ? e.message : String(e) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="export-unsent">
      <button type="button" disabled={busy} onClick={() => void run()} data-testid="export-unsent">
        {busy ? t("export.working") : t("export.button")}
      </button>
      <p class="muted" role="status" data-testid="export-result">
        {message ?? t("export.hint")}
      </p>
    </div>
  );
}
