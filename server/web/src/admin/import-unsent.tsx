// "Import unsent data": a revoked kiosk or extension saves the writes the
// server never received as a JSON file (shared UnsentExportSchema); a manager
// picks it here and the server applies it as that device's writes
// (POST /v1/devices/{id}/unsent). The file names its device, so one picker
// serves every device. A file that is not an export, belongs elsewhere or
// starts after writes the server lacks is explained in words, and nothing
// else on the page changes.
import { UnsentExportSchema } from "@sightline/shared/sync/messages/unsent-export";
import { useState } from "preact/hooks";
import { ApiError } from "../api/problem.ts";
import type { Device, UnsentImportResult } from "../api/types.ts";
import { useApp } from "../app-context.ts";
import { useI18n, type WebKey } from "../i18n/i18n.tsx";
import { ProblemBanner } from "../ui/problem-banner.tsx";

type Outcome =
  | { kind: "done"; device: string; result: UnsentImportResult }
  | { kind: "refused"; key: WebKey; detail?: string }
  | { kind: "failed"; error: unknown };

/** Why a file cannot be imported, before sending it: a catalogue key, or null when it can. */
export function checkUnsentFile(
  text: string,
  workspaceId: string,
  devices: readonly Pick<Device, "id">[],
): { ok: true; file: unknown; deviceId: string } | { ok: false; key: WebKey } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, key: "devices.import.notAnExport" };
  }
  const parsed = UnsentExportSchema.safeParse(json);
  if (!parsed.success) return { ok: false, key: "devices.import.notAnExport" };
  if (parsed.data.workspaceId !== workspaceId)
    return { ok: false, key: "devices.import.otherWorkspace" };
  if (!devices.some((d) => d.id === parsed.data.deviceId))
    return { ok: false, key: "devices.import.unknownDevice" };
  return { ok: true, file: json, deviceId: parsed.data.deviceId };
}

/** The server's refusal in words, when it is one a manager can act on. */
function refusalOf(e: unknown): Outcome {
  if (!(e instanceof ApiError)) return { kind: "failed", error: e };
  if (e.status === 400)
    return {
      kind: "refused",
      key: "devices.import.notAnExport",
      ...(e.detail ? { detail: e.detail } : {}),
    };
  if (e.status === 404) return { kind: "refused", key: "devices.import.unknownDevice" };
  // 409: a seq gap (earlier writes missing; the answer is no problem+json), or
  // the server holds other writes under the file's seqs (another history).
  if (e.status === 409)
    return e.type?.endsWith(":seq-reused")
      ? { kind: "refused", key: "devices.import.otherHistory" }
      : { kind: "refused", key: "devices.import.seqGap" };
  if (e.status === 413) return { kind: "refused", key: "devices.import.tooLarge" };
  return { kind: "failed", error: e };
}

type Props = { devices: readonly Device[]; onImported: () => void };

export function ImportUnsent({ devices, onImported }: Props) {
  const { api, user } = useApp();
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  async function importFile(input: HTMLInputElement) {
    const picked = input.files?.[0];
    if (!picked) return;
    setBusy(true);
    setOutcome(null);
    try {
      const checked = checkUnsentFile(await picked.text(), user.workspaceId, devices);
      if (!checked.ok) {
        setOutcome({ kind: "refused", key: checked.key });
        return;
      }
      const result = await api.importUnsent(checked.deviceId, checked.file);
      const d = devices.find((x) => x.id === checked.deviceId);
      setOutcome({ kind: "done", device: d?.name || checked.deviceId.slice(0, 8), result });
      onImported();
    } catch (e) {
      setOutcome(refusalOf(e));
    } finally {
      setBusy(false);
      input.value = ""; // the same file can be picked again
    }
  }

  return (
    <section class="card form import-unsent" aria-busy={busy}>
      <h2>{t("devices.import.title")}</h2>
      <p class="hint">{t("devices.import.lead")}</p>
      <label>
        {t("devices.import.choose")}
        <input
          type="file"
          accept=".json,application/json"
          disabled={busy}
          onChange={(e) => void importFile(e.currentTarget)}
        />
      </label>
      {busy && <p class="muted">{t("devices.import.busy")}</p>}
      {outcome?.kind === "done" && (
        <div role="status">
          <p>
            {t("devices.import.done", {
              device: outcome.device,
              applied: outcome.result.applied,
              duplicates: outcome.result.duplicates,
              rejected: outcome.result.rejected.length,
            })}
          </p>
          {outcome.result.rejected.length > 0 && (
            <ul class="small muted">
              {outcome.result.rejected.map((r) => (
                <li key={r.seq}>
                  {t("devices.import.rejectedItem", { seq: r.seq, message: r.message })}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {outcome?.kind === "refused" && (
        <div class="problem" role="alert">
          <strong>{t(outcome.key)}</strong>
          {outcome.detail && <p>{outcome.detail}</p>}
        </div>
      )}
      {outcome?.kind === "failed" && <ProblemBanner error={outcome.error} />}
    </section>
  );
}
