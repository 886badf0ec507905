import fc from "fast-check";
import type { LightMyRequestResponse } from "fastify";
import { describe, expect } from "vitest";
import { bearer } from "../test-support/arbitraries/headers";
import type { Req } from "../test-support/arbitraries/requests";
import { FUZZ_TIMEOUT, getting, badInputTest as it, posting, type World } from "../test-support/bad-input";
import { inserted, updated, type Writes } from "../test-support/write-detector";

// The ticket endpoints under generated bad input: see test-support/bad-input.ts for what every request is checked for.

/** Mostly the holder's token, otherwise the buyer's or a broken one. */
const holderAuth = (w: World) =>
  fc.oneof({ weight: 12, arbitrary: fc.constant(bearer(w.holder.access)) }, { weight: 4, arbitrary: w.authHeaders });

/**
 * A 2xx shows only the caller's own tickets (theirs by the access token its Authorization header
 * carries): the list, or the one ticket the path named (`/users/tickets/./` is the list).
 */
const onlyTheCallers = (w: World) => (res: LightMyRequestResponse, written: Writes, req: Req) => {
  expect(written).toEqual({});
  const header = req.headers.authorization ?? "";
  const caller = Object.keys(w.visibleTo).find((access) => header.endsWith(` ${access}`));
  expect(caller, `a 2xx for ${header.slice(0, 40)}…`).toBeDefined();
  const mine = w.visibleTo[caller ?? ""] ?? [];
  const body = res.json() as { id?: string; owned?: { id: string }[]; sent?: { id: string }[] };
  if (body.owned && body.sent) {
    const listed = [...body.owned, ...body.sent].map((x) => x.id);
    expect(listed.sort()).toEqual([...mine].sort());
  } else {
    // The ticket the path named (a UUID is one in any case), and one the caller may see.
    expect(req.url.toLowerCase()).toContain(`/${body.id}/`);
    expect(mine).toContain(body.id);
  }
};

describe("tickets, under bad input", { timeout: FUZZ_TIMEOUT }, () => {
  it("GET /users/tickets/ lists the caller's tickets or answers 401/403, whatever the headers and query", ({
    fuzz,
    w,
  }) => fuzz(getting("/users/tickets/", { auth: holderAuth(w), onSuccess: onlyTheCallers(w) })));

  it("GET /users/tickets/:id/ shows only a ticket the caller holds or bought", ({ fuzz, w }) =>
    fuzz(getting("/users/tickets/:id/", { ids: w.ticketIds, auth: holderAuth(w), onSuccess: onlyTheCallers(w) })));

  it("POST /users/tickets/:id/resend-claim/ refuses bad input, and a resend writes one new link and its SMS", ({
    fuzz,
    w,
  }) =>
    fuzz(
      posting(
        "/users/tickets/:id/resend-claim/",
        {},
        {
          ids: [w.pendingTicketId, ...w.ticketIds],
          auth: holderAuth(w),
          // A new link (the one it replaces revoked), its SMS, and the gift's last message moved on.
          onSuccess: (res, written) => {
            expect(res.statusCode).toBe(202);
            expect(written).toEqual({
              ticket_registration_tokens: { rows: 1, written: 2 },
              notifications: inserted(1),
              ticket_gifts: updated(1),
            });
          },
        },
      ),
    ));
});
