// "Export unsent data": the queue as sightline-unsent JSON files in the
// tablet's downloads, for a manager to import in the web app. Reading it
// changes nothing on the tablet.
import { useState } from "preact/hooks";
import { useI18n } from "./i18n.tsx";
import { useKiosk } from "./kiosk-context.ts";

export function ExportUnsent() {
  const { t } = useI18n();
  const { api, platform } = useKiosk();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  const run = async () => {
    setBusy(true);
    try {
      const files = await api.exportUnsent();
      for (const f of files) platform.download(f.name, f.text, "application/json");
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
      <button
        type="button"
        class="button"
        data-testid="export-unsent"
        disabled={busy}
        onClick={() => void run()}
      >
        {busy ? t("export.working") : t("export.button")}
      </button>
      <p class="hint" role="status" data-testid="export-result">
        {message ?? t("export.hint")}
      </p>
    </div>
  );
}
