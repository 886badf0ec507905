import { emailLayout, escapeHtml } from "./layout.email";

type Locale = "en" | "ar";

export interface WelcomeEmailInput {
  name: string;
  locale: Locale;
  myTicketsUrl: string;
}

const copy = {
  en: {
    subject: "Welcome to TicketRunners",
    greeting: (name: string) => `Hi ${name},`,
    intro: "Your TicketRunners account is ready. Your tickets will always be in My Tickets.",
    cta: "Open My Tickets",
  },
  ar: {
    subject: "مرحبًا بك في TicketRunners",
    greeting: (name: string) => `مرحبًا ${name}،`,
    intro: "حسابك في TicketRunners جاهز. ستجد تذاكرك دائمًا في صفحة تذاكري.",
    cta: "افتح تذاكري",
  },
} as const;

export function welcomeEmail(input: WelcomeEmailInput): { subject: string; text: string; html: string } {
  const c = copy[input.locale];
  const text = `${c.greeting(input.name)}\n\n${c.intro}\n\n${c.cta}: ${input.myTicketsUrl}\n`;
  const html = emailLayout(
    input.locale,
    c.subject,
    `<p>${escapeHtml(c.greeting(input.name))}</p><p>${escapeHtml(c.intro)}</p>
<p><a href="${escapeHtml(input.myTicketsUrl)}" style="display:inline-block;background:#5b3df5;color:#fff;padding:10px 18px;border-radius:6px;text-decoration:none">${escapeHtml(c.cta)}</a></p>`,
  );
  return { subject: c.subject, text, html };
}
