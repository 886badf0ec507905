import type { AddressInfo } from "node:net";
import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface ReceivedMail {
  /** RCPT TO addresses, as the server saw them. */
  envelopeTo: string[];
  mail: ParsedMail;
}

/** An SMTP reply code and text the server answers a recipient with instead of accepting it. */
export type SmtpRefusal = { code: number; message: string } | undefined;

export interface FakeSmtpServer {
  port: number;
  received: ReceivedMail[];
  /** Mails received for one address. */
  mailTo(address: string): ReceivedMail[];
  /** Decides, per recipient, whether to refuse it (e.g. 451 while "down"); undefined accepts. */
  refuseRecipients(rule: (address: string) => SmtpRefusal): void;
  close(): Promise<void>;
}

/** A real SMTP server (smtp-server) on 127.0.0.1 that parses and keeps every mail it accepts. */
export async function startFakeSmtpServer(): Promise<FakeSmtpServer> {
  const received: ReceivedMail[] = [];
  let rule: (address: string) => SmtpRefusal = () => undefined;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    closeTimeout: 200,
    onRcptTo(address, _session, callback) {
      const refusal = rule(address.address);
      if (!refusal) return callback();
      const err = new Error(refusal.message) as Error & { responseCode: number };
      err.responseCode = refusal.code;
      callback(err);
    },
    onData(stream, session, callback) {
      // Parse before answering 250, so a sender's promise resolves only after the mail is recorded.
      simpleParser(stream).then(
        (mail) => {
          received.push({ envelopeTo: session.envelope.rcptTo.map((r) => r.address), mail });
          callback();
        },
        (err: Error) => callback(err),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    port,
    received,
    mailTo: (address) => received.filter((r) => r.envelopeTo.includes(address)),
    refuseRecipients(next) {
      rule = next;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
