// The Db contract: one behaviour suite every adapter must pass (hono's
// router `common.case.test.ts` pattern). Call it from an adapter's test file
// with a factory returning a fresh, empty Db. Port-only: no SQL here.
import { accountsContract } from "./accounts.contract.ts";
import { alertsContract } from "./alerts.contract.ts";
import { apiKeysContract } from "./api-keys.contract.ts";
import { auditContract } from "./audit.contract.ts";
import { configContract } from "./config.contract.ts";
import type { DbFactory } from "./fixture.ts";
import { jobsContract } from "./jobs.contract.ts";
import { journalsContract } from "./journals.contract.ts";
import { lifecycleContract } from "./lifecycle.contract.ts";
import { observationsContract } from "./observations.contract.ts";
import { peopleContract } from "./people.contract.ts";
import { pullContract } from "./pull.contract.ts";
import { pushContract } from "./push.contract.ts";
import { textContract } from "./text.contract.ts";
import { textFeaturesContract } from "./text-features.contract.ts";
import { timelineContract } from "./timeline.contract.ts";
import { trustContract } from "./trust.contract.ts";
import { webhooksContract } from "./webhooks.contract.ts";

export type { DbFactory };

export function dbContract(make: DbFactory): void {
  peopleContract(make);
  configContract(make);
  pushContract(make);
  pullContract(make);
  observationsContract(make);
  textContract(make);
  textFeaturesContract(make);
  trustContract(make);
  journalsContract(make);
  auditContract(make);
  accountsContract(make);
  apiKeysContract(make);
  timelineContract(make);
  lifecycleContract(make);
  jobsContract(make);
  webhooksContract(make);
  alertsContract(make);
}
