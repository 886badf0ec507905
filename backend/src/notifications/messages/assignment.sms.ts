import { SegmentedMessage } from "sms-segments-calculator";

type Locale = "en" | "ar";

export const MAX_SMS_SEGMENTS = 3;

const templates: Record<Locale, { existing: string; claim: string }> = {
  en: {
    existing: "{purchaser} bought you a ticket to {event}. View it: {link}",
    claim: "{purchaser} bought you a ticket to {event}. Claim it: {link}",
  },
  ar: {
    existing: "{purchaser} اشترى لك تذكرة لحضور {event}. شاهدها: {link}",
    claim: "{purchaser} اشترى لك تذكرة لحضور {event}. استلمها: {link}",
  },
};

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

const fill = (template: string, purchaser: string, event: string, link: string) =>
  template.replace("{purchaser}", purchaser).replace("{event}", event).replace("{link}", link);

function shorten(value: string, length: number, ellipsis: string): string {
  const chars = [...value];
  return chars.length <= length ? value : `${chars.slice(0, Math.max(1, length)).join("").trimEnd()}${ellipsis}`;
}

/**
 * The assignment SMS, kept within three segments (GSM-7, or UCS-2 as Arabic needs). The link is
 * never cut: the event name and then the purchaser's name are shortened instead.
 */
export function assignmentSms(input: AssignmentSmsInput): string {
  const template = templates[input.locale][input.kind];
  const stand = "x".repeat(input.sentLinkLength ?? input.link.length);
  // "…" is not in GSM-7 and would turn a Latin message into UCS-2.
  const ellipsis = /^[\x20-\x7e]*$/.test(input.purchaser + input.event) ? "..." : "…";
  const fits = (p: string, e: string) => countSegments(fill(template, p, e, stand)) <= MAX_SMS_SEGMENTS;

  let purchaser = input.purchaser;
  let event = input.event;
  for (let length = [...event].length; !fits(purchaser, event) && length > 8; length -= 4) {
    event = shorten(input.event, length - 4, ellipsis);
  }
  for (let length = [...purchaser].length; !fits(purchaser, event) && length > 4; length -= 4) {
    purchaser = shorten(input.purchaser, length - 4, ellipsis);
  }
  return fill(template, purchaser, event, input.link);
}
