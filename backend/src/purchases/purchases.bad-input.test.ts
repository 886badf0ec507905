import type { BookResponse } from "@ticketrunners/shared";
import { describe, expect } from "vitest";
import { purchaseBodies } from "../test-support/arbitraries/purchases";
import { FUZZ_TIMEOUT, badInputTest as it, posting } from "../test-support/bad-input";
import { inserted, updated } from "../test-support/write-detector";

// The purchase endpoint under generated bad input: see test-support/bad-input.ts for what every request is checked for.

describe("purchases, under bad input", { timeout: FUZZ_TIMEOUT }, () => {
  it("POST /tickets/book/ refuses bad input whole, and a valid booking writes exactly its tickets", ({ fuzz, w }) =>
    fuzz(
      posting("/tickets/book/", purchaseBodies(w), {
        auth: w.authHeaders,
        onSuccess: (res, written) => {
          expect(res.statusCode).toBe(201);
          const { tickets } = res.json() as BookResponse;
          const categories = new Set(tickets.map((ticket) => ticket.category.id));
          const given = tickets.filter((ticket) => ticket.assignee).length;
          const recipients = new Set(tickets.flatMap((ticket) => ticket.assignee?.mobile_number ?? []));
          // Each number given a ticket gets a claim link unless it has an account (the holder has one).
          const newNumbers = [...recipients].filter((n) => n !== w.holder.e164).length;
          const { notifications, ...rest } = written;
          expect(rest).toEqual({
            payments: inserted(1),
            tickets: inserted(tickets.length),
            ticket_categories: updated(categories.size),
            // Every ticket "issued", and each one given to a number "given", with its gift.
            ticket_history: inserted(tickets.length + given),
            ...(given ? { ticket_gifts: inserted(given) } : {}),
            ...(newNumbers ? { ticket_registration_tokens: inserted(newNumbers) } : {}),
          });
          // New messages only: the buyer's confirmation, and at least an SMS to each person given a ticket.
          expect(notifications?.rows).toBe(notifications?.written);
          expect(notifications?.rows).toBeGreaterThanOrEqual(1 + recipients.size);
        },
      }),
    ));
});
