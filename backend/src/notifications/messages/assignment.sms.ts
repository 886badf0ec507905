import type { Locale } from "@ticketrunners/shared";
import { SegmentedMessage } from "sms-segments-calculator";
import { translator } from "./i18n";

export const MAX_SMS_SEGMENTS = 3;

export interface AssignmentSmsInput {
  locale: Locale;
  kind: "existing" | "claim";
  purchaser: string;
  event: string;
  /** The link as stored (it may hold a placeholder for the token). */
  link: string;
  /** The link's length once the placeholder is replaced, so segments are counted on the real text. */
  sentLinkLength?: number;
}

export const countSegments = (text: string) => new SegmentedMessage(text, "auto").segmentsCount;

function shorten(value: string, length: number, ellipsis: string): string {
  const chars = [...value];
  return chars.length <= length ? value : `${chars.slice(0, Math.max(1, length)).join("").trimEnd()}${ellipsis}`;
}

/**
 * The assignment SMS, kept within three segments (GSM-7, or UCS-2 as Arabic needs). The link is
 * never cut: the event name and then the purchaser's name are shortened instead.
 */
export function assignmentSms(input: AssignmentSmsInput): string {
  const t = translator(input.locale);
  const key = input.kind === "existing" ? "assignmentSms.existing" : "assignmentSms.claim";
  const fill = (purchaser: string, event: string, link: string) => t(key, { purchaser, event, link });
  const stand = "x".repeat(input.sentLinkLength ?? input.link.length);
  // "…" is not in GSM-7 and would turn a Latin message into UCS-2.
  const ellipsis = /^[\x20-\x7e]*$/.test(input.purchaser + input.event) ? "..." : "…";
  const fits = (p: string, e: string) => countSegments(fill(p, e, stand)) <= MAX_SMS_SEGMENTS;

  let purchaser = input.purchaser;
  let event = input.event;
  for (let length = [...event].length; !fits(purchaser, event) && length > 8; length -= 4) {
    event = shorten(input.event, length - 4, ellipsis);
  }
  for (let length = [...purchaser].length; !fits(purchaser, event) && length > 4; length -= 4) {
    purchaser = shorten(input.purchaser, length - 4, ellipsis);
  }
  return fill(purchaser, event, input.link);
}
