import type { Locale } from "@ticketrunners/shared";
import { SegmentedMessage } from "sms-segments-calculator";
import { translator } from "./i18n";

export const MAX_SMS_SEGMENTS = 3;

/** How the recipient came to hold the tickets: bought for them at purchase, or passed on by their holder. */
export type GivenAs = "purchase" | "transfer";

export interface AssignmentSmsInput {
  locale: Locale;
  /** `existing`: the tickets are in the recipient's account (link to My Tickets); `claim`: a claim link. */
  kind: "existing" | "claim";
  /** Who gave the tickets, as the recipient knows them: the buyer, or for a transfer the sender. */
  purchaser: string;
  event: string;
  /** The link as stored (it may hold a placeholder for the token). */
  link: string;
  /** The link's length once the placeholder is replaced, so segments are counted on the real text. */
  sentLinkLength?: number;
  /** "purchase" (default): "… bought you a ticket …"; "transfer": "… sent you a ticket …". */
  givenAs?: GivenAs;
  /**
   * A reminder about tickets still waiting to be claimed (default false). It always reads as a claim
   * ("Claim it: {link}"), whatever `kind` says: only a waiting ticket is reminded of.
   */
  reminder?: boolean;
  /** How many tickets the message is about (default 1: "a ticket", SPEC §5's words). */
  ticketCount?: number;
}

export const countSegments = (text: string) => new SegmentedMessage(text, "auto").segmentsCount;

/** Names are never shortened below this many characters (fewer when they are already shorter). */
const MIN_EVENT_CHARS = 8;
const MIN_SENDER_CHARS = 4;

function shorten(value: string, length: number, ellipsis: string): string {
  const chars = [...value];
  return chars.length <= length ? value : `${chars.slice(0, Math.max(1, length)).join("").trimEnd()}${ellipsis}`;
}

/**
 * The lengths of the sender's and the event's names once `cut` characters are taken off them: always
 * from the longer of the two, so both stay as recognisable as the room allows.
 */
function lengthsAfter(cut: number, sender: number, event: number): [number, number] {
  let s = sender;
  let e = event;
  const sMin = Math.min(sender, MIN_SENDER_CHARS);
  const eMin = Math.min(event, MIN_EVENT_CHARS);
  for (let left = cut; left > 0; left--) {
    if (e > eMin && (e >= s || s <= sMin)) e--;
    else if (s > sMin) s--;
    else break;
  }
  return [s, e];
}

/**
 * The SMS telling a recipient about tickets given to them (at purchase, by transfer, or as a reminder
 * to claim them), kept within three segments (GSM-7, or UCS-2 as Arabic needs). The link is never cut:
 * the sender's and the event's names are shortened instead, the longer one first.
 */
export function assignmentSms(input: AssignmentSmsInput): string {
  const t = translator(input.locale);
  const form = input.reminder ? "reminder" : input.kind;
  const key = `assignmentSms.${input.givenAs ?? "purchase"}.${form}` as const;
  const count = Math.max(1, input.ticketCount ?? 1);
  const fill = (sender: string, event: string, link: string) => t(key, { count, sender, event, link });
  const stand = "x".repeat(input.sentLinkLength ?? input.link.length);
  // "…" is not in GSM-7 and would turn a Latin message into UCS-2.
  const ellipsis = /^[\x20-\x7e]*$/.test(input.purchaser + input.event) ? "..." : "…";
  const senderChars = [...input.purchaser].length;
  const eventChars = [...input.event].length;
  const names = (cut: number): [string, string] => {
    if (cut === 0) return [input.purchaser, input.event];
    const [s, e] = lengthsAfter(cut, senderChars, eventChars);
    // A shortened name also gains the ellipsis: take its length off the name.
    const trim = (value: string, chars: number, full: number) =>
      chars >= full ? value : shorten(value, chars - [...ellipsis].length, ellipsis);
    return [trim(input.purchaser, s, senderChars), trim(input.event, e, eventChars)];
  };
  const fits = (cut: number) => countSegments(fill(...names(cut), stand)) <= MAX_SMS_SEGMENTS;

  // The fewest characters to cut (a binary search: counting segments is not cheap). Past `most`
  // both names are at their shortest; if even that does not fit, the link still goes out whole.
  const most =
    senderChars - Math.min(senderChars, MIN_SENDER_CHARS) + eventChars - Math.min(eventChars, MIN_EVENT_CHARS);
  let cut = 0;
  if (!fits(0)) {
    let low = 1;
    let high = most;
    while (low < high) {
      const mid = Math.floor((low + high) / 2);
      if (fits(mid)) high = mid;
      else low = mid + 1;
    }
    cut = high;
  }
  return fill(...names(cut), input.link);
}
