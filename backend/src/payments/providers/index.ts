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
  const sandbox = sandboxProvider(config, clock);
  const byName = new Map<string, PaymentProvider>();
  if (!config.isProduction || config.PAYMENT_PROVIDER === "sandbox") byName.set("sandbox", sandbox);
  if (config.KASHIER_MERCHANT_ID && config.KASHIER_API_KEY) byName.set("kashier", kashierFromConfig(config));
  const active = byName.get(config.PAYMENT_PROVIDER) ?? sandbox;
  return { active, byName, sandbox: byName.has("sandbox") ? sandbox : undefined };
}
