import { createMemoryStorage } from "./memory-storage.ts";
import { describeSyncStorageContract } from "./storage.contract.ts";

describeSyncStorageContract("memory", async () => createMemoryStorage());
