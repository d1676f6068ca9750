import { describeSyncStorageContract } from "../../test/support/sync-storage.contract.ts";
import { createMemoryStorage } from "./memory-storage.ts";

describeSyncStorageContract("memory", async () => createMemoryStorage());
