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
    /** The subject SPEC §5 promises for a gift at purchase, for one ticket or several. */
    subject: "Ticket Purchased for You - {{event}}",
    subjectTransfer: "Ticket Sent to You - {{event}}",
    subjectReminder_one: "Reminder: your ticket to {{event}} is waiting",
    subjectReminder_other: "Reminder: your {{count}} tickets to {{event}} are waiting",
    intro_one: "{{sender}} bought you a ticket:",
    intro_other: "{{sender}} bought you {{count}} tickets:",
    introTransfer_one: "{{sender}} sent you a ticket:",
    introTransfer_other: "{{sender}} sent you {{count}} tickets:",
    introReminder_one: "A reminder: {{sender}} bought you a ticket, and it is still waiting for you:",
    introReminder_other: "A reminder: {{sender}} bought you {{count}} tickets, and they are still waiting for you:",
    introReminderTransfer_one: "A reminder: {{sender}} sent you a ticket, and it is still waiting for you:",
    introReminderTransfer_other:
      "A reminder: {{sender}} sent you {{count}} tickets, and they are still waiting for you:",
    when: "When: {{when}}",
    where: "Where: {{venue}}",
    ticketLine: "{{number}} · {{category}}",
    existing_one: "It is already in your account.",
    existing_other: "They are already in your account.",
    claim_one: "Create your account with this mobile number to claim it.",
    claim_other: "Create your account with this mobile number to claim them.",
    linkExpiry_one: "The link works once and expires in {{count}} day.",
    linkExpiry_other: "The link works once and expires in {{count}} days.",
    reminderLink: "This link replaces any link we sent you before.",
    ctaExisting: "View My Tickets",
    ctaClaim_one: "Claim your ticket",
    ctaClaim_other: "Claim your tickets",
  },
  giftClaimedEmail: {
    subject_one: "{{name}} now has your ticket to {{event}}",
    subject_other: "{{name}} now has your {{count}} tickets to {{event}}",
    intro_one: "{{name}} claimed the ticket you sent:",
    intro_other: "{{name}} claimed the {{count}} tickets you sent:",
    when: "When: {{when}}",
    where: "Where: {{venue}}",
    ticketLine: "{{number}} · {{category}}",
    final_one: "It is theirs now: you can no longer send it to another number or cancel it.",
    final_other: "They are theirs now: you can no longer send them to another number or cancel them.",
    cta: "Open Sent in My Tickets",
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
  /**
   * `purchase`: a gift chosen at purchase (SPEC §5's words for one ticket); `transfer`: a ticket its
   * holder passed on; `reminder`: the claim link again, for tickets still waiting.
   */
  assignmentSms: {
    purchase: {
      existing_one: "{{sender}} bought you a ticket to {{event}}. View it: {{link}}",
      existing_other: "{{sender}} bought you {{count}} tickets to {{event}}. View them: {{link}}",
      claim_one: "{{sender}} bought you a ticket to {{event}}. Claim it: {{link}}",
      claim_other: "{{sender}} bought you {{count}} tickets to {{event}}. Claim them: {{link}}",
      reminder_one:
        "Reminder: {{sender}} bought you a ticket to {{event}} and it is still waiting for you. Claim it: {{link}}",
      reminder_other:
        "Reminder: {{sender}} bought you {{count}} tickets to {{event}} and they are still waiting for you. Claim them: {{link}}",
    },
    transfer: {
      existing_one: "{{sender}} sent you a ticket to {{event}}. View it: {{link}}",
      existing_other: "{{sender}} sent you {{count}} tickets to {{event}}. View them: {{link}}",
      claim_one: "{{sender}} sent you a ticket to {{event}}. Claim it: {{link}}",
      claim_other: "{{sender}} sent you {{count}} tickets to {{event}}. Claim them: {{link}}",
      reminder_one:
        "Reminder: {{sender}} sent you a ticket to {{event}} and it is still waiting for you. Claim it: {{link}}",
      reminder_other:
        "Reminder: {{sender}} sent you {{count}} tickets to {{event}} and they are still waiting for you. Claim them: {{link}}",
    },
  },
  otpSms: {
    register: "{{code}} is your TicketRunners sign-up code. {{expiry}} Never share it.",
    login: "{{code}} is your TicketRunners login code. {{expiry}} Never share it.",
    transfer: "{{code}} is your TicketRunners code to send a ticket to someone. {{expiry}} Never share it.",
    expiry_one: "It expires in {{count}} minute.",
    expiry_other: "It expires in {{count}} minutes.",
  },
} as const;
