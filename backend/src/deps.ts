import type { Logger } from "pino";
import type { Config } from "./config";
import type { Db } from "./db/client";
import type { SecretBox } from "./notifications/sealed-secrets";
import type { PaymentProviders } from "./payments/providers";
import type { Clock } from "./shared/clock";
import type { Metrics } from "./shared/metrics";
import type { DoorCodeKeys } from "./tickets/door-codes";

/** What every use case may depend on; tests pass a fresh database and a manual clock. */
export interface Deps {
  config: Config;
  db: Db;
  clock: Clock;
  secrets: SecretBox;
  logger: Logger;
  payments: PaymentProviders;
  metrics: Metrics;
  /** Signs and checks the tickets' door codes (TICKET_SIGNING_KEY). */
  doorCodes: DoorCodeKeys;
  /** Tells the in-process worker that messages were queued (after the transaction commits). */
  wakeWorker: () => void;
}
