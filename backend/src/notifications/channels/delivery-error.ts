/** A provider (SMS gateway, SMTP server) refused or failed a send; the message says what, never what was sent. */
export class DeliveryError extends Error {
  constructor(
    message: string,
    /** True when retrying cannot help (a bad number, bad credentials): the message is dead at once. */
    readonly permanent = false,
  ) {
    super(message);
    this.name = "DeliveryError";
  }
}
