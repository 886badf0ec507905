import { formatDateTime } from "./format";
import { emailLayout, escapeHtml } from "./layout.email";

type Locale = "en" | "ar";

export interface WelcomeTicket {
  ticketNumber: string;
  eventName: string;
  startsAt: Date;
  categoryName: string;
  purchaserName: string;
}

export interface WelcomeEmailInput {
  name: string;
  locale: Locale;
  myTicketsUrl: string;
  /** Tickets that were waiting for this number and are now in the account. */
  tickets?: WelcomeTicket[];
}

const copy = {
  en: {
    subject: "Welcome to TicketRunners",
    greeting: (name: string) => `Hi ${name},`,
    intro: "Your TicketRunners account is ready. Your tickets will always be in My Tickets.",
    waiting: (n: number) =>
      n === 1
        ? "This ticket was waiting for you and is now yours:"
        : `These ${n} tickets were waiting for you and are now yours:`,
    from: (name: string) => `from ${name}`,
    cta: "Open My Tickets",
  },
  ar: {
    subject: "مرحبًا بك في TicketRunners",
    greeting: (name: string) => `مرحبًا ${name}،`,
    intro: "حسابك في TicketRunners جاهز. ستجد تذاكرك دائمًا في صفحة تذاكري.",
    waiting: (n: number) =>
      n === 1 ? "كانت هذه التذكرة بانتظارك وأصبحت لك:" : `كانت هذه التذاكر (${n}) بانتظارك وأصبحت لك:`,
    from: (name: string) => `من ${name}`,
    cta: "افتح تذاكري",
  },
} as const;

export function welcomeEmail(input: WelcomeEmailInput): { subject: string; text: string; html: string } {
  const c = copy[input.locale];
  const tickets = input.tickets ?? [];
  const lines = tickets.map(
    (t) =>
      `${t.eventName} — ${formatDateTime(t.startsAt, input.locale)} — ${t.categoryName} — ${t.ticketNumber} (${c.from(t.purchaserName)})`,
  );
  const text = [
    c.greeting(input.name),
    "",
    c.intro,
    ...(lines.length ? ["", c.waiting(lines.length), ...lines.map((l) => `• ${l}`)] : []),
    "",
    `${c.cta}: ${input.myTicketsUrl}`,
    "",
  ].join("\n");
  const html = emailLayout(
    input.locale,
    c.subject,
    `<p>${escapeHtml(c.greeting(input.name))}</p><p>${escapeHtml(c.intro)}</p>
${lines.length ? `<p>${escapeHtml(c.waiting(lines.length))}</p><ul>${lines.map((l) => `<li>${escapeHtml(l)}</li>`).join("")}</ul>` : ""}
<p><a href="${escapeHtml(input.myTicketsUrl)}" style="display:inline-block;background:#5b3df5;color:#fff;padding:10px 18px;border-radius:6px;text-decoration:none">${escapeHtml(c.cta)}</a></p>`,
  );
  return { subject: c.subject, text, html };
}
