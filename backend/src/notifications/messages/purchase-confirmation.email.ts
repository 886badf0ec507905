import { formatDateTime, formatMoney } from "./format";
import { emailLayout, escapeHtml } from "./layout.email";

type Locale = "en" | "ar";

export interface PurchaseConfirmationInput {
  locale: Locale;
  buyerName: string;
  event: { name: string; venue: string; startsAt: Date };
  tickets: { ticketNumber: string; categoryName: string; forName: string | null }[];
  amountMinor: number;
  currency: string;
  myTicketsUrl: string;
}

const copy = {
  en: {
    subject: (event: string) => `Your tickets for ${event}`,
    greeting: (name: string) => `Hi ${name},`,
    intro: "Thank you for your purchase. Here are your tickets:",
    forYou: "for you",
    forOther: (name: string) => `for ${name}`,
    total: "Total",
    note: "People you bought tickets for get their own message with a link to their ticket.",
    cta: "Open My Tickets",
  },
  ar: {
    subject: (event: string) => `تذاكرك لفعالية ${event}`,
    greeting: (name: string) => `مرحبًا ${name}،`,
    intro: "شكرًا لشرائك. هذه تذاكرك:",
    forYou: "لك",
    forOther: (name: string) => `لـ ${name}`,
    total: "الإجمالي",
    note: "سيصل لكل من اشتريت له تذكرة رسالة خاصة به فيها رابط تذكرته.",
    cta: "افتح تذاكري",
  },
} as const;

export function purchaseConfirmationEmail(input: PurchaseConfirmationInput) {
  const c = copy[input.locale];
  const when = formatDateTime(input.event.startsAt, input.locale);
  const lines = input.tickets.map(
    (t) => `${t.ticketNumber} · ${t.categoryName} · ${t.forName ? c.forOther(t.forName) : c.forYou}`,
  );
  const total = `${c.total}: ${formatMoney(input.amountMinor, input.currency, input.locale)}`;
  const text = [
    c.greeting(input.buyerName),
    "",
    c.intro,
    `${input.event.name} — ${when} — ${input.event.venue}`,
    ...lines.map((l) => `• ${l}`),
    "",
    total,
    c.note,
    "",
    `${c.cta}: ${input.myTicketsUrl}`,
  ].join("\n");
  const html = emailLayout(
    input.locale,
    c.subject(input.event.name),
    `<p>${escapeHtml(c.greeting(input.buyerName))}</p><p>${escapeHtml(c.intro)}</p>
<p><strong>${escapeHtml(input.event.name)}</strong><br>${escapeHtml(when)}<br>${escapeHtml(input.event.venue)}</p>
<ul>${lines.map((l) => `<li>${escapeHtml(l)}</li>`).join("")}</ul>
<p><strong>${escapeHtml(total)}</strong></p><p>${escapeHtml(c.note)}</p>
<p><a href="${escapeHtml(input.myTicketsUrl)}">${escapeHtml(c.cta)}</a></p>`,
  );
  return { subject: c.subject(input.event.name), text, html };
}
