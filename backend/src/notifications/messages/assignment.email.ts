import { formatDateTime } from "./format";
import { emailLayout, escapeHtml } from "./layout.email";

type Locale = "en" | "ar";

export interface AssignmentEmailInput {
  locale: Locale;
  kind: "existing" | "claim";
  recipientName: string | null;
  purchaser: string;
  event: { name: string; venue: string; startsAt: Date };
  tickets: { ticketNumber: string; categoryName: string }[];
  /** My Tickets, or the claim link (with the token's placeholder). */
  link: string;
}

const copy = {
  en: {
    subject: (event: string) => `Ticket Purchased for You - ${event}`,
    greeting: (name: string | null) => (name ? `Hi ${name},` : "Hi,"),
    intro: (purchaser: string, n: number) => `${purchaser} bought you ${n === 1 ? "a ticket" : `${n} tickets`}:`,
    when: "When",
    where: "Where",
    existing: "It is already in your account.",
    claim: "Create your account with this mobile number to claim it. The link works once and expires in a few days.",
    ctaExisting: "View My Tickets",
    ctaClaim: "Claim your ticket",
  },
  ar: {
    subject: (event: string) => `تذكرة تم شراؤها لك - ${event}`,
    greeting: (name: string | null) => (name ? `مرحبًا ${name}،` : "مرحبًا،"),
    intro: (purchaser: string, n: number) => `اشترى لك ${purchaser} ${n === 1 ? "تذكرة" : `${n} تذاكر`}:`,
    when: "الموعد",
    where: "المكان",
    existing: "التذكرة موجودة بالفعل في حسابك.",
    claim: "أنشئ حسابك بهذا الرقم لاستلامها. الرابط يعمل مرة واحدة وتنتهي صلاحيته خلال أيام.",
    ctaExisting: "اعرض تذاكري",
    ctaClaim: "استلم تذكرتك",
  },
} as const;

/** The email to a ticket's recipient: event, date, venue, ticket numbers, who bought it, the link. */
export function assignmentEmail(input: AssignmentEmailInput) {
  const c = copy[input.locale];
  const when = formatDateTime(input.event.startsAt, input.locale);
  const lines = input.tickets.map((t) => `${t.ticketNumber} · ${t.categoryName}`);
  const action = input.kind === "existing" ? c.existing : c.claim;
  const cta = input.kind === "existing" ? c.ctaExisting : c.ctaClaim;
  const text = [
    c.greeting(input.recipientName),
    "",
    c.intro(input.purchaser, input.tickets.length),
    input.event.name,
    `${c.when}: ${when}`,
    `${c.where}: ${input.event.venue}`,
    ...lines.map((l) => `• ${l}`),
    "",
    action,
    `${cta}: ${input.link}`,
  ].join("\n");
  const html = emailLayout(
    input.locale,
    c.subject(input.event.name),
    `<p>${escapeHtml(c.greeting(input.recipientName))}</p>
<p>${escapeHtml(c.intro(input.purchaser, input.tickets.length))}</p>
<p><strong>${escapeHtml(input.event.name)}</strong><br>${escapeHtml(c.when)}: ${escapeHtml(when)}<br>${escapeHtml(c.where)}: ${escapeHtml(input.event.venue)}</p>
<ul>${lines.map((l) => `<li>${escapeHtml(l)}</li>`).join("")}</ul>
<p>${escapeHtml(action)}</p>
<p><a href="${escapeHtml(input.link)}" style="display:inline-block;background:#5b3df5;color:#fff;padding:10px 18px;border-radius:6px;text-decoration:none">${escapeHtml(cta)}</a></p>`,
  );
  return { subject: c.subject(input.event.name), text, html };
}
