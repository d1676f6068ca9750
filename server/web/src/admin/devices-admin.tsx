// The fleet view: paired kiosks and extensions (and whose extension each
// is), sorted by trouble — silent devices first (no sync for SILENT_MS, the
// row highlighted), then by unsent changes and their age, then storage that
// may be evicted. Each row: store, last sync, unsynced count and oldest age
// (as the device last reported them), app version, storage persisted, how
// far its uploads have got (lastSeq) and a revoke button that cuts it off at
// once. A revoked device's unsent writes arrive here as the file it saved
// ("Import unsent data").
import { useState } from "preact/hooks";
import { listOf, type UserListItem } from "../api/client.ts";
import type { Device, Store } from "../api/types.ts";
import { useApp } from "../app-context.ts";
import { useI18n } from "../i18n/i18n.tsx";
import { Age } from "../ui/age.tsx";
import { ProblemBanner } from "../ui/problem-banner.tsx";
import { useAsync } from "../ui/use-async.ts";
import { ImportUnsent } from "./import-unsent.tsx";

/** A device that has not synced for this long is silent: highlighted, listed first. */
export const SILENT_MS = 24 * 3600 * 1000;

export function lastSeen(d: Device): string | null {
  const times = [d.lastSeenAt, d.lastPushAt, d.lastPullAt].filter((x): x is string => !!x).sort();
  return times.at(-1) ?? null;
}

const isRevoked = (d: Device) => Boolean(d.revoked || d.revokedAt);

export function isSilent(d: Device, now: number): boolean {
  if (isRevoked(d)) return false;
  const seen = lastSeen(d);
  return !seen || now - new Date(seen).getTime() > SILENT_MS;
}

/** Most trouble first: silent, then more unsent changes, older ones, evictable storage; revoked last. */
export function byTrouble(devices: readonly Device[], now: number): Device[] {
  const oldest = (d: Device) =>
    d.unsynced?.oldestAt ? new Date(d.unsynced.oldestAt).getTime() : Number.POSITIVE_INFINITY;
  const key = (d: Device): number[] => [
    isRevoked(d) ? 1 : 0,
    isSilent(d, now) ? 0 : 1,
    -(d.unsynced?.count ?? 0),
    oldest(d),
    d.storagePersisted === false ? 0 : 1,
  ];
  return [...devices].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    for (let i = 0; i < ka.length; i++) {
      const x = ka[i] as number;
      const y = kb[i] as number;
      if (x !== y) return x < y ? -1 : 1;
    }
    return 0;
  });
}

export function DevicesAdmin() {
  const { api } = useApp();
  const { t } = useI18n();
  const list = useAsync(async () => {
    const [devices, stores, people] = await Promise.all([
      api.devices().then((r) => listOf(r)),
      api
        .stores()
        .then((r) => listOf(r))
        .catch(() => [] as Store[]),
      api
        .users()
        .then((r) => listOf(r))
        .catch(() => [] as UserListItem[]),
    ]);
    return {
      devices,
      stores: new Map(stores.map((s) => [s.id, s.name])),
      people: new Map(people.map((p) => [p.id, p.name || p.email])),
    };
  }, [api]);
  const [confirm, setConfirm] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(undefined);
  const now = Date.now();
  const devices = list.data ? byTrouble(list.data.devices, now) : [];

  return (
    <>
      <div class="card">
        <ProblemBanner error={list.error} onRetry={list.reload} />
        <ProblemBanner error={error} />
        {list.data?.devices.length === 0 && <p class="empty">{t("devices.empty")}</p>}
        {list.data && list.data.devices.length > 0 && (
          <p class="small muted">{t("devices.fleetLead")}</p>
        )}
        {list.data && list.data.devices.length > 0 && (
          <div class="table-wrap">
            <table class="data">
              <thead>
                <tr>
                  <th scope="col">{t("devices.name")}</th>
                  <th scope="col">{t("devices.kind")}</th>
                  <th scope="col">{t("devices.store")}</th>
                  <th scope="col">{t("devices.person")}</th>
                  <th scope="col">{t("devices.lastSeen")}</th>
                  <th scope="col">{t("devices.unsynced")}</th>
                  <th scope="col">{t("devices.lastSeq")}</th>
                  <th scope="col">{t("devices.version")}</th>
                  <th scope="col">{t("devices.storage")}</th>
                  <th scope="col">
                    <span class="visually-hidden">{t("devices.revoke")}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {devices.map((d) => {
                  const seen = lastSeen(d);
                  const silent = isSilent(d, now);
                  return (
                    <tr
                      key={d.id}
                      class={isRevoked(d) ? "revoked" : silent ? "silent" : undefined}
                      data-device={d.id}
                      data-silent={silent ? "true" : undefined}
                    >
                      <td>
                        <strong>{d.name || d.id.slice(0, 8)}</strong>
                        <div class="small muted">{t(`role.${d.role}`)}</div>
                      </td>
                      <td>{t(`devices.kind.${d.kind}`)}</td>
                      <td>{d.storeId ? (list.data?.stores.get(d.storeId) ?? d.storeId) : "—"}</td>
                      <td>
                        {d.kind === "extension" && d.ownerId
                          ? (list.data?.people.get(d.ownerId) ?? d.ownerId)
                          : "—"}
                      </td>
                      <td class={silent ? "nowrap warn-text" : "nowrap"}>
                        <Age iso={seen} now={now} />
                        {silent && (
                          <div class="small">
                            {t("devices.silent", { hours: SILENT_MS / 3_600_000 })}
                          </div>
                        )}
                      </td>
                      <td class="nowrap" data-testid="unsynced">
                        {!d.unsynced ? (
                          "—"
                        ) : d.unsynced.count === 0 ? (
                          <span class="muted">{t("devices.unsyncedNone")}</span>
                        ) : (
                          <>
                            <strong class="warn-text">
                              {t("devices.unsyncedCount", { count: d.unsynced.count })}
                            </strong>
                            {d.unsynced.oldestAt && (
                              <div class="small muted">
                                {t("devices.oldest")} <Age iso={d.unsynced.oldestAt} now={now} />
                              </div>
                            )}
                          </>
                        )}
                      </td>
                      <td>
                        {d.lastSeq ?? 0}
                        {d.lastPushAt && (
                          <div class="small muted">
                            {t("devices.lastPush")} <Age iso={d.lastPushAt} now={now} />
                          </div>
                        )}
                      </td>
                      <td>{d.appVersion || "—"}</td>
                      <td data-testid="storage">
                        {d.storagePersisted === true ? (
                          t("devices.persisted")
                        ) : d.storagePersisted === false ? (
                          <span class="warn-text">{t("devices.notPersisted")}</span>
                        ) : (
                          "—"
                        )}
                      </td>
                      <td>
                        {d.revoked || d.revokedAt ? (
                          <span class="muted small" title={t("devices.revokedHint")}>
                            {t("devices.revoked")}
                          </span>
                        ) : confirm === d.id ? (
                          <span class="confirm">
                            <button
                              type="button"
                              class="btn small danger"
                              onClick={async () => {
                                setError(undefined);
                                try {
                                  await api.revokeDevice(d.id);
                                  setConfirm(null);
                                  await list.reload();
                                } catch (e) {
                                  setError(e);
                                }
                              }}
                            >
                              {t("devices.confirmRevoke")}
                            </button>
                            <button
                              type="button"
                              class="btn small ghost"
                              onClick={() => setConfirm(null)}
                            >
                              {t("action.cancel")}
                            </button>
                          </span>
                        ) : (
                          <button
                            type="button"
                            class="btn small ghost"
                            onClick={() => setConfirm(d.id)}
                          >
                            {t("devices.revoke")}
                          </button>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </div>
      <ImportUnsent devices={list.data?.devices ?? []} onImported={list.reload} />
    </>
  );
}
