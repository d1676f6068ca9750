import { createMemoryStorage } from "./memory-storage.ts";
import { describeSyncStorageContract } from "../../test/support/sync-storage.contract.ts";

describeSyncStorageContract("memory", async () => createMemoryStorage());
