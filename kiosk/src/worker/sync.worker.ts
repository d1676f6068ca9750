// Composition root of the sync worker: IndexedDB storage, the real network,
// and the service exposed to the page over a small RPC (rpc.ts).
import { openIdbStorage } from "@sightline/browser/idb-storage";
import { loadSchemaMessages } from "@sightline/shared/schema/messages";
import { deleteDB } from "idb";
import { idbDeviceRecordStorage } from "./device-record.ts";
import { createKioskService } from "./kiosk-service.ts";
import { type Endpoint, exposeService } from "./rpc.ts";

const SYNC_DB = "sightline-kiosk-sync";

// Rejected local writes reach the staff as toasts: say what is wrong.
loadSchemaMessages();

const service = createKioskService({
  deviceRecord: idbDeviceRecordStorage(),
  openStorage: () => openIdbStorage(SYNC_DB),
  deleteStorage: () => deleteDB(SYNC_DB),
  fetch: globalThis.fetch.bind(globalThis),
  appVersion: `kiosk/${import.meta.env.VITE_KIOSK_VERSION ?? "dev"}`,
});
self.addEventListener("online", () => void service.requestSync("online"));
exposeService(service, self as unknown as Endpoint);
