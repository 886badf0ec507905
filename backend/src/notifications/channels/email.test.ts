import { eq } from "drizzle-orm";
import { describe, expect } from "vitest";
import { notifications } from "../../db/schema";
import { appTest, fileResource, startTestApp } from "../../test-support/app-test";
import { signUpThroughApi } from "../../test-support/factories";
import { startFakeSmtpServer } from "../../test-support/fakes/smtp-server";
import type { TestApp } from "../../test-support/test-app";
import { DeliveryError } from "./delivery-error";
import { smtpEmail } from "./email";

const it = appTest
  .extend(
    "smtp",
    { scope: "file" },
    fileResource(startFakeSmtpServer, (smtp) => smtp.close()),
  )
  .extend("sender", { scope: "file" }, async ({ smtp }, { onCleanup }) => {
    const sender = smtpEmail({
      host: "127.0.0.1",
      port: smtp.port,
      useTls: false,
      from: "TicketRunners <no-reply@ticketrunners.test>",
    });
    onCleanup(() => sender.close?.());
    return sender;
  })
  // The whole app, mailing through the fake SMTP server.
  .override("t", { scope: "file" }, ({ smtp }, { onCleanup }) =>
    startTestApp(onCleanup, {
      env: {
        EMAIL_HOST: "127.0.0.1",
        EMAIL_PORT: String(smtp.port),
        EMAIL_USE_TLS: "false",
        DEFAULT_FROM_EMAIL: "TicketRunners <hello@ticketrunners.test>",
      },
    }),
  );

const welcomeRow = async (t: TestApp, email: string) => {
  const [row] = await t.database.db.select().from(notifications).where(eq(notifications.recipient, email));
  if (!row) throw new Error(`no notification for ${email}`);
  return row;
};

describe(smtpEmail.name, () => {
  it("delivers a message with its subject, sender, recipient, plain text and HTML over SMTP", async ({
    smtp,
    sender,
  }) => {
    const result = await sender.send({
      to: "layla@example.com",
      subject: "Your tickets — تذاكرك",
      text: "Plain text body\nwith two lines",
      html: "<p>HTML <strong>body</strong></p>",
    });

    const [received] = smtp.mailTo("layla@example.com");
    expect(received).toBeDefined();
    const mail = received?.mail;
    expect(mail?.subject).toBe("Your tickets — تذاكرك");
    expect(mail?.from?.value).toEqual([{ name: "TicketRunners", address: "no-reply@ticketrunners.test" }]);
    expect(mail?.to && !Array.isArray(mail.to) ? mail.to.value[0]?.address : undefined).toBe("layla@example.com");
    expect(mail?.text?.trim()).toBe("Plain text body\nwith two lines");
    expect(mail?.html).toContain("<p>HTML <strong>body</strong></p>");
    expect(result.providerMessageId).toBe(mail?.messageId);
  });

  it("reports a temporary SMTP refusal (451) as retryable and a final one (550) as permanent", async ({
    smtp,
    sender,
  }) => {
    smtp.refuseRecipients((address) =>
      address === "busy@example.com"
        ? { code: 451, message: "4.3.0 Try again later" }
        : address === "nobody@example.com"
          ? { code: 550, message: "5.1.1 No such user" }
          : undefined,
    );
    try {
      const temporary = await sender.send({ to: "busy@example.com", subject: "s", text: "t" }).catch((e) => e);
      expect(temporary).toBeInstanceOf(DeliveryError);
      expect(temporary.permanent).toBe(false);
      expect(temporary.message).toContain("451");

      const final = await sender.send({ to: "nobody@example.com", subject: "s", text: "t" }).catch((e) => e);
      expect(final).toBeInstanceOf(DeliveryError);
      expect(final.permanent).toBe(true);
      expect(final.message).toContain("550");
    } finally {
      smtp.refuseRecipients(() => undefined);
    }
    expect(smtp.mailTo("busy@example.com")).toEqual([]);
    expect(smtp.mailTo("nobody@example.com")).toEqual([]);
  });
});

describe("email through the whole app", () => {
  it("sends the welcome email over SMTP when EMAIL_HOST is set, with a link to My Tickets", async ({ t, smtp }) => {
    const email = "welcome-en@example.com";
    await signUpThroughApi(t, { email, name: "Mona Adel" });
    await t.deliverAll();

    const received = smtp.mailTo(email);
    expect(received).toHaveLength(1);
    const mail = received[0]?.mail;
    expect(mail?.subject).toBe("Welcome to TicketRunners");
    expect(mail?.from?.value[0]?.address).toBe("hello@ticketrunners.test");
    expect(mail?.text).toContain("Mona Adel");
    expect(mail?.text).toContain("http://tickets.test/my-tickets");
    expect(mail?.html).toContain('href="http://tickets.test/my-tickets"');
    expect(mail?.html).toContain('dir="ltr"');

    expect(await welcomeRow(t, email)).toMatchObject({
      status: "sent",
      attempts: 1,
      providerMessageId: mail?.messageId,
    });
    // The mail left through SMTP; nothing was kept in the dev inbox instead.
    expect(await t.inbox(email)).toEqual([]);
  });

  it("sends the Arabic welcome email, right to left, to a customer who signed up in Arabic", async ({ t, smtp }) => {
    const email = "welcome-ar@example.com";
    await signUpThroughApi(t, { email, name: "منى عادل", locale: "ar" });
    await t.deliverAll();

    const received = smtp.mailTo(email);
    expect(received).toHaveLength(1);
    const mail = received[0]?.mail;
    expect(mail?.subject).toBe("مرحبًا بك في TicketRunners");
    expect(mail?.text).toContain("منى عادل");
    expect(mail?.text).toContain("http://tickets.test/my-tickets");
    expect(mail?.html).toContain('dir="rtl"');
    expect(mail?.html).toContain('lang="ar"');
  });

  it("keeps a welcome email the SMTP server refuses for now (451) and delivers it once the server recovers", async ({
    t,
    smtp,
  }) => {
    const email = "greylisted@example.com";
    smtp.refuseRecipients((address) =>
      address === email ? { code: 451, message: "4.7.1 Greylisted, please try again later" } : undefined,
    );
    await signUpThroughApi(t, { email });
    await t.deliverAll();

    const failed = await welcomeRow(t, email);
    expect(failed).toMatchObject({ status: "failed", attempts: 1 });
    expect(failed.lastError).toContain("451");
    expect(failed.nextAttemptAt.getTime()).toBeGreaterThan(t.clock.now().getTime());
    expect(smtp.mailTo(email)).toEqual([]);

    // Still refused on the next attempt: still kept.
    t.clock.set(failed.nextAttemptAt);
    await t.deliverAll();
    const again = await welcomeRow(t, email);
    expect(again).toMatchObject({ status: "failed", attempts: 2 });
    expect(again.nextAttemptAt.getTime()).toBeGreaterThan(t.clock.now().getTime());

    smtp.refuseRecipients(() => undefined);
    t.clock.set(again.nextAttemptAt);
    await t.deliverAll();
    expect(await welcomeRow(t, email)).toMatchObject({ status: "sent", attempts: 3, lastError: null });

    t.clock.advance(24 * 3_600_000);
    await t.deliverAll();
    const delivered = smtp.mailTo(email);
    expect(delivered).toHaveLength(1);
    expect(delivered[0]?.mail.subject).toBe("Welcome to TicketRunners");
  });
});
