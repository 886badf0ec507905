import { AppError } from "../../shared/app-error";
import { MINUTE } from "../../shared/clock";

export interface TransferRules {
  startsAt: Date;
  transfersAllowed: boolean;
  transferCutoffMinutes: number;
}

/** Whether a held ticket may be passed on (or a gift's number changed) now. */
export const transferWindowOpen = (event: TransferRules, now: Date) =>
  event.transfersAllowed && now.getTime() < event.startsAt.getTime() - event.transferCutoffMinutes * MINUTE;

/** Refuses a change of holder the event's rules or the ticket's state do not allow (409). */
export function checkHolderMayChange(
  event: TransferRules,
  ticket: { status: "valid" | "used" | "refunded" },
  now: Date,
  change: "transfer" | "cancel",
): void {
  if (ticket.status !== "valid") {
    throw new AppError("TICKET_LOCKED", 409, `This ticket is ${ticket.status}: it can no longer change hands.`);
  }
  // Taking back a waiting gift only needs the event not to have started; passing on needs the window.
  const open = change === "cancel" ? now < event.startsAt : transferWindowOpen(event, now);
  if (!open) {
    throw new AppError("TRANSFER_CLOSED", 409, "Tickets to this event can no longer change hands.");
  }
}
