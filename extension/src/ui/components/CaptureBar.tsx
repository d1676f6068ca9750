import { useState } from "preact/hooks";
import type { CaptureKind, CaptureResult } from "../../messages.ts";
import { useClient } from "../client-context.ts";
import { useWorkerEvents } from "../hooks.ts";
import { useI18n } from "../i18n.ts";

export type CaptureBarProps = {
  /** Pin captures to this tab (panel opened for one tab); default: the active tab. */
  tabId?: number | undefined;
  /** Ask for access to the page's site (must run in the click's user gesture). */
  requestSiteAccess(): Promise<boolean>;
  onCaptured?(id: string): void;
  /** The picker or region drag started in the page (the popup closes so the page gets the pointer). */
  onGestureStarted?(): void;
};

const KINDS: readonly [
  CaptureKind,
  "capture.selection" | "capture.element" | "capture.region" | "capture.visible",
][] = [
  ["selection", "capture.selection"],
  ["element", "capture.element"],
  ["region", "capture.region"],
  ["visible", "capture.visible"],
];

/** The four capture gestures, the last result, and "allow on this site" when access is missing. */
export function CaptureBar({
  tabId,
  requestSiteAccess,
  onCaptured,
  onGestureStarted,
}: CaptureBarProps) {
  const client = useClient();
  const { t } = useI18n();
  const [result, setResult] = useState<CaptureResult | null>(null);
  const [busy, setBusy] = useState(false);
  // Picker, region, menu and shortcut captures finish in the worker: show them too.
  useWorkerEvents((e) => {
    if (e.type === "ui.captured")
      setResult({ ok: true, id: e.id, screenshot: e.screenshot, elapsedMs: e.elapsedMs });
  }, []);

  const capture = async (kind: CaptureKind) => {
    setBusy(true);
    try {
      const r = await client.request({
        type: "capture.start",
        kind,
        ...(tabId !== undefined ? { tabId } : {}),
      });
      setResult(r);
      if (r.ok && "id" in r) onCaptured?.(r.id);
      if (r.ok && "started" in r) onGestureStarted?.();
    } finally {
      setBusy(false);
    }
  };

  let message: string | null = null;
  if (result && !result.ok) message = t(`capture.error.${result.error}`);
  else if (result?.ok && "id" in result) {
    message = t("capture.savedIn", { ms: Math.round(result.elapsedMs) });
    if (result.screenshot === "unavailable") message += ` · ${t("capture.noScreenshot")}`;
  } else if (result?.ok) message = null;

  return (
    <div class="capture-bar">
      <div class="buttons">
        {KINDS.map(([kind, key]) => (
          <button
            type="button"
            key={kind}
            disabled={busy}
            onClick={() => void capture(kind)}
            data-testid={`capture-${kind}`}
          >
            {t(key)}
          </button>
        ))}
      </div>
      {message && (
        <p class={result?.ok ? "ok" : "error"} data-testid="capture-result" role="status">
          {message}
        </p>
      )}
      {result && !result.ok && result.error === "no-permission" && (
        <button
          type="button"
          class="link"
          onClick={() => void requestSiteAccess().then((ok) => ok && setResult(null))}
        >
          {t("capture.allowSite")}
        </button>
      )}
    </div>
  );
}
