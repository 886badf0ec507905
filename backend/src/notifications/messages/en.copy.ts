/**
 * Every word our SMS and emails say, in English: the source the Arabic catalogue must match (see
 * `Translation` in shared). i18next resources: `{{name}}` interpolates, a key with `_one`/`_other`
 * is a counted phrase picked by `Intl.PluralRules` for `count`. Numbers come from the caller, never
 * from the copy.
 */
export const en = {
  email: {
    greeting: "Hi {{name}},",
    greetingNoName: "Hi,",
  },
  assignmentEmail: {
    subject: "Ticket Purchased for You - {{event}}",
    intro_one: "{{purchaser}} bought you a ticket:",
    intro_other: "{{purchaser}} bought you {{count}} tickets:",
    when: "When: {{when}}",
    where: "Where: {{venue}}",
    ticketLine: "{{number}} · {{category}}",
    existing_one: "It is already in your account.",
    existing_other: "They are already in your account.",
    claim_one: "Create your account with this mobile number to claim it.",
    claim_other: "Create your account with this mobile number to claim them.",
    linkExpiry_one: "The link works once and expires in {{count}} day.",
    linkExpiry_other: "The link works once and expires in {{count}} days.",
    ctaExisting: "View My Tickets",
    ctaClaim_one: "Claim your ticket",
    ctaClaim_other: "Claim your tickets",
  },
  welcomeEmail: {
    subject: "Welcome to TicketRunners",
    intro: "Your TicketRunners account is ready. Your tickets will always be in My Tickets.",
    waiting_one: "This ticket was waiting for you and is now yours:",
    waiting_other: "These {{count}} tickets were waiting for you and are now yours:",
    ticketLine: "{{event}} — {{when}} — {{category}} — {{number}} (from {{purchaser}})",
    cta: "Open My Tickets",
  },
  purchaseConfirmationEmail: {
    subject_one: "Your ticket for {{event}}",
    subject_other: "Your tickets for {{event}}",
    intro_one: "Thank you for your purchase. Here is your ticket:",
    intro_other: "Thank you for your purchase. Here are your {{count}} tickets:",
    eventLine: "{{event}} — {{when}} — {{venue}}",
    ticketLine: "{{number}} · {{category}} · {{holder}}",
    forYou: "for you",
    forOther: "for {{name}}",
    total: "Total: {{amount}}",
    note: "People you bought tickets for get their own message with a link to their ticket.",
    cta: "Open My Tickets",
  },
  assignmentSms: {
    existing: "{{purchaser}} bought you a ticket to {{event}}. View it: {{link}}",
    claim: "{{purchaser}} bought you a ticket to {{event}}. Claim it: {{link}}",
  },
  otpSms: {
    register: "{{code}} is your TicketRunners sign-up code. {{expiry}} Never share it.",
    login: "{{code}} is your TicketRunners login code. {{expiry}} Never share it.",
    expiry_one: "It expires in {{count}} minute.",
    expiry_other: "It expires in {{count}} minutes.",
  },
} as const;
