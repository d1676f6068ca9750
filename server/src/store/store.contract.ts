// The Store contract: one behaviour suite every adapter must pass (hono's
// router `common.case.test.ts` pattern). Call it from an adapter's test file
// with a factory returning a fresh, empty store. Port-only: no SQL here.
import { journalsContract } from "../journals/store-contract.ts";
import { configContract } from "./contract/config.contract.ts";
import type { StoreFactory } from "./contract/fixture.ts";
import { observationsContract } from "./contract/observations.contract.ts";
import { peopleContract } from "./contract/people.contract.ts";
import { pullContract } from "./contract/pull.contract.ts";
import { pushContract } from "./contract/push.contract.ts";
import { textContract } from "./contract/text.contract.ts";
import { trustContract } from "./contract/trust.contract.ts";

export type { StoreFactory };

export function storeContract(make: StoreFactory): void {
  peopleContract(make);
  configContract(make);
  pushContract(make);
  pullContract(make);
  observationsContract(make);
  textContract(make);
  trustContract(make);
  journalsContract(make);
}
