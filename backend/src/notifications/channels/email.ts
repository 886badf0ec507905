import nodemailer from "nodemailer";
import type { Config } from "../../config";
import type { Db } from "../../db/client";
import { devInboxMessages } from "../../db/schema";
import { DeliveryError } from "./delivery-error";

export interface EmailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
}

export interface EmailSender {
  readonly name: string;
  send(message: EmailMessage): Promise<{ providerMessageId?: string }>;
  close?(): void;
}

export function createEmailSender(config: Config, db: Db): EmailSender {
  if (!config.EMAIL_HOST) return devInboxEmail(db);
  return smtpEmail({
    host: config.EMAIL_HOST,
    port: config.EMAIL_PORT,
    user: config.EMAIL_HOST_USER,
    password: config.EMAIL_HOST_PASSWORD,
    useTls: config.EMAIL_USE_TLS,
    from: config.DEFAULT_FROM_EMAIL,
  });
}

export function smtpEmail(options: {
  host: string;
  port: number;
  user?: string;
  password?: string;
  useTls: boolean;
  from: string;
}): EmailSender {
  const transport = nodemailer.createTransport({
    host: options.host,
    port: options.port,
    secure: options.useTls && options.port === 465,
    requireTLS: options.useTls && options.port !== 465,
    ignoreTLS: !options.useTls,
    auth: options.user ? { user: options.user, pass: options.password ?? "" } : undefined,
    pool: true,
    maxConnections: 4,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
  return {
    name: "smtp",
    async send(message) {
      try {
        const info = await transport.sendMail({ from: options.from, ...message });
        return { providerMessageId: info.messageId };
      } catch (err) {
        const e = err as { responseCode?: number; code?: string; message?: string };
        const permanent = typeof e.responseCode === "number" && e.responseCode >= 500 && e.responseCode !== 554;
        throw new DeliveryError(
          `SMTP ${e.responseCode ?? e.code ?? "error"}: ${(e.message ?? "").slice(0, 200)}`,
          permanent,
        );
      }
    },
    close: () => transport.close(),
  };
}

/** Without EMAIL_HOST: mail is kept for the dev inbox only. */
export function devInboxEmail(db: Db): EmailSender {
  return {
    name: "dev-inbox",
    async send(message) {
      const [row] = await db
        .insert(devInboxMessages)
        .values({
          channel: "email",
          recipient: message.to,
          subject: message.subject,
          text: message.text,
          html: message.html,
        })
        .returning({ id: devInboxMessages.id });
      return { providerMessageId: `dev-${row?.id}` };
    },
  };
}
