import "fake-indexeddb/auto";
import { openIdbStorage } from "./idb-storage.ts";
import { describeSyncStorageContract } from "./storage.contract.ts";

let n = 0;
describeSyncStorageContract("idb (fake-indexeddb)", () => openIdbStorage(`contract-${n++}`));
