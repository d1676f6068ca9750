// Fleet health (issue 14): a device's push and pull may carry
// `status: {unsynced, oldestUnsyncedAt, storagePersisted?}`; the server keeps
// the last one on the device row, and GET /v1/devices shows it.
import type { DeviceStatusReport } from "@sightline/shared/sync/messages/device-status";
import type { Db } from "../db/port.ts";

/** Keep a push or pull's `status` on the device row (nothing when absent). */
export async function keepDeviceStatus(
  db: Db,
  device: { workspaceId: string; deviceId: string },
  status: DeviceStatusReport | undefined,
  at: Date,
): Promise<void> {
  if (!status) return;
  const oldest =
    status.oldestUnsyncedAt === null ? Number.NaN : Date.parse(status.oldestUnsyncedAt);
  await db.reportDeviceHealth(device.workspaceId, device.deviceId, {
    unsynced: status.unsynced,
    oldestUnsyncedAt: Number.isNaN(oldest) ? null : new Date(oldest).toISOString(),
    storagePersisted: status.storagePersisted ?? null,
    at: at.toISOString(),
  });
}
