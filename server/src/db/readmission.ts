// Device identity (docs/sync-protocol.md "Device identity"): a device id belongs to the
// row made at its first pairing. Pairing again under an existing id is a
// re-admission, allowed only for a revoked device and only by a code that
// would have made the same device: same kind, same store (kiosk) or person
// (extension), issued by an admin or manager. Both adapters ask this one
// function, inside their pairing transaction, before the code is used.
import type { DeviceIdTaken, DeviceRecord } from "./port.ts";

/** Who may issue a code that re-admits a revoked device. */
const READMITTERS: ReadonlySet<string> = new Set(["admin", "manager"]);

/** Why `code` may not re-admit `device`, or null when it may. */
export function readmissionRefusal(
  device: Pick<DeviceRecord, "kind" | "storeId" | "ownerId" | "revokedAt">,
  code: {
    kind: DeviceRecord["kind"];
    storeId: string | null;
    /** The person the code pairs for (extensions: for_user_id or the issuer). */
    ownerId: string;
    issuerRole: string;
  },
): DeviceIdTaken | null {
  if (device.revokedAt === null) return "in-use";
  if (device.kind !== code.kind) return "other-kind";
  if (device.kind === "kiosk" && device.storeId !== code.storeId) return "other-store";
  if (device.kind === "extension" && device.ownerId !== code.ownerId) return "other-person";
  if (!READMITTERS.has(code.issuerRole)) return "issuer-not-admin";
  return null;
}
