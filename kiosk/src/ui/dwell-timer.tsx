// Dwell time: start when a shopper settles in a zone, stop when they leave →
// one store observation with `durationSec`. The start survives a reload.
import { uuidv7 } from "@sightline/shared/ids";
import { formatDuration } from "../core/local-time.ts";
import { dwellFields } from "../core/observation-fields.ts";
import type { Segment } from "../core/segments.ts";
import { useI18n } from "./i18n.tsx";
import { useKiosk } from "./kiosk-context.ts";
import { useNow } from "./use-now.ts";
import { useSetting } from "./use-setting.ts";

type Running = { startedAt: number; zone: string | null; segment: Segment };

export type DwellTimerProps = {
  storeId: string;
  zone: string | null;
  segment: Segment;
  onSaved(id: string, label: string): void;
  /** The write was refused (the error as thrown: the pad words it). */
  onError(e: unknown): void;
};

export function DwellTimer({ storeId, zone, segment, onSaved, onError }: DwellTimerProps) {
  const { t } = useI18n();
  const { api, platform } = useKiosk();
  const [running, setRunning] = useSetting<Running | null>("kiosk.dwell", null);
  const now = useNow(1000, running !== null);

  const stop = async () => {
    if (!running) return;
    const endedAt = platform.now();
    const duration = formatDuration((endedAt - running.startedAt) / 1000);
    const where = running.zone ?? t("dwell.anyZone");
    const id = uuidv7(endedAt);
    try {
      await api.write({
        op: "obs.create",
        id,
        fields: dwellFields({
          storeId,
          startedAt: running.startedAt,
          endedAt,
          what: t("dwell.what", { duration, zone: where }),
          zone: running.zone ?? undefined,
          segment: running.segment,
        }),
      });
      setRunning(null);
      onSaved(id, t("dwell.label", { duration }));
    } catch (e) {
      onError(e);
    }
  };

  return (
    <section class={`dwell${running ? " dwell--running" : ""}`} data-testid="dwell">
      <h2 class="section-title">{t("dwell.title")}</h2>
      {running ? (
        <>
          <p class="dwell__clock" aria-live="off">
            {t("dwell.running", {
              time: formatDuration((now - running.startedAt) / 1000),
              zone: running.zone ?? t("dwell.anyZone"),
            })}
          </p>
          <div class="button-row">
            <button type="button" class="button button--primary" onClick={() => void stop()}>
              {t("dwell.stop")}
            </button>
            <button type="button" class="button" onClick={() => setRunning(null)}>
              {t("dwell.cancel")}
            </button>
          </div>
        </>
      ) : (
        <button
          type="button"
          class="button"
          onClick={() => setRunning({ startedAt: platform.now(), zone, segment })}
        >
          {t("dwell.start")}
        </button>
      )}
    </section>
  );
}
