// The tablet's own record: its device id, and once paired the server URL,
// bearer token, what the server said about the device, and the staff PIN
// hash, and whether it was revoked. Kept in its own small IndexedDB database
// beside the sync database.
import { openDB } from "idb";
import type { PinRecord } from "../core/pin.ts";
import type { PairedDevice } from "./api.ts";

export type DeviceRecord = {
  deviceId: string;
  serverUrl?: string;
  token?: string;
  device?: PairedDevice;
  name?: string;
  pin?: PinRecord;
  pairedAt?: number;
  /**
   * When a sync answered 401 (a manager revoked the token): writes are refused
   * from then on, across reloads, until re-admission with a new code.
   */
  revokedAt?: number;
};

export interface DeviceRecordStorage {
  get(): Promise<DeviceRecord | null>;
  put(r: DeviceRecord): Promise<void>;
}

const KEY = "self";

/** The record in IndexedDB; the database opens on first use. */
export function idbDeviceRecordStorage(name = "sightline-kiosk-device"): DeviceRecordStorage {
  let db: ReturnType<typeof open> | null = null;
  const open = () =>
    openDB(name, 1, {
      upgrade(d) {
        d.createObjectStore("device");
      },
    });
  const get = () => {
    db ??= open();
    return db;
  };
  return {
    get: async () => ((await (await get()).get("device", KEY)) as DeviceRecord | undefined) ?? null,
    put: async (r) => {
      await (await get()).put("device", r, KEY);
    },
  };
}

export function createMemoryDeviceRecordStorage(
  initial: DeviceRecord | null = null,
): DeviceRecordStorage {
  let r = initial ? structuredClone(initial) : null;
  return {
    get: async () => (r ? structuredClone(r) : null),
    put: async (next) => {
      r = structuredClone(next);
    },
  };
}
