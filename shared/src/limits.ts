// The numbers the product promises. The server enforces them and the webapp's words quote them, so they
// are written once. This module imports nothing: the webapp's first page reads it without the schemas.

export const MAX_TICKETS_PER_ITEM = 10;
export const MAX_TICKETS_PER_PURCHASE = 20;
export const MAX_ITEMS_PER_PURCHASE = 10;

export const NAME_MAX_LENGTH = 100;
export const EMAIL_MAX_LENGTH = 254;
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;

/** Texted codes: 6 digits, valid 5 minutes, 5 tries, one a minute and 5 a day per number and purpose. */
export const OTP_LENGTH = 6;
export const OTP_TTL_MINUTES = 5;
export const OTP_MAX_ATTEMPTS = 5;
export const OTP_RESEND_INTERVAL_SECONDS = 60;
export const OTP_MAX_PER_DAY = 5;
/** How long a verified number may take to choose its password. */
export const SIGNUP_TOKEN_TTL_MINUTES = 30;

/** Claim links a buyer may send again per ticket in 24 hours. */
export const MAX_RESENDS_PER_DAY = 3;
/** Unpaid checkouts one buyer may have open, and how long each holds its seats. */
export const MAX_OPEN_CHECKOUTS = 3;
export const CHECKOUT_HOLD_MINUTES = 15;

/** Passing a ticket on: the texted code serves the owner's transfers for 10 minutes; 5 transfers per ticket a day. */
export const TRANSFER_CODE_TTL_MINUTES = 10;
export const MAX_TRANSFERS_PER_TICKET_PER_DAY = 5;
/** Reminders to a recipient who has not claimed: at most 2 per ticket and holder. */
export const MAX_REMINDERS_PER_HOLDER = 2;
/** The second reminder goes this long before the event, unless the recipient heard from us in the last 12 h. */
export const EVENT_REMINDER_HOURS_BEFORE = 48;
export const REMINDER_QUIET_AFTER_MESSAGE_HOURS = 12;
/** A transfer's cutoff before the event can be at most a week. */
export const MAX_TRANSFER_CUTOFF_MINUTES = 10_080;
