import type { Config } from "../../config";
import type { Clock } from "../../shared/clock";
import { kashierFromConfig } from "./kashier";
import type { PaymentProvider } from "./provider";
import { type SandboxProvider, sandboxProvider } from "./sandbox";

export interface PaymentProviders {
  active: PaymentProvider;
  byName: Map<string, PaymentProvider>;
  /** Present when the offline sandbox gateway (and its checkout pages) is enabled. */
  sandbox?: SandboxProvider;
}

/** The provider new checkouts use, and every provider whose webhooks we accept. */
export function createPaymentProviders(config: Config, clock: Clock): PaymentProviders {
  const byName = new Map<string, PaymentProvider>();
  // Never in production: its Pay button issues paid tickets, so neither its checkout nor its webhooks exist.
  const sandbox = config.isProduction ? undefined : sandboxProvider(config, clock);
  if (sandbox) byName.set("sandbox", sandbox);
  if (config.KASHIER_MERCHANT_ID && config.KASHIER_API_KEY) byName.set("kashier", kashierFromConfig(config));
  const active = byName.get(config.PAYMENT_PROVIDER);
  // loadConfig already refuses these combinations; this keeps a hand-built Config from falling back to the sandbox.
  if (!active) throw new Error(`PAYMENT_PROVIDER=${config.PAYMENT_PROVIDER} is not available with this configuration`);
  return { active, byName, sandbox };
}
