import { describe } from "vitest";
import { API, type Req } from "../test-support/arbitraries/requests";
import { expectErrorShape, FUZZ_TIMEOUT, getting, badInputTest as it } from "../test-support/bad-input";

// The events endpoints under generated bad input: see test-support/bad-input.ts for what every request is checked for.

describe("events, under bad input", { timeout: FUZZ_TIMEOUT }, () => {
  it("GET /public/events/ lists events whatever the query string", ({ fuzz }) => fuzz(getting("/public/events/")));

  it("GET /public/events/:id/ answers 400 or 404 to every id that is not an event's", ({ fuzz, w }) =>
    fuzz(getting("/public/events/:id/", { ids: [w.eventId, w.soldOutEventId, w.pastEventId] })));
});

describe("event paths that once broke the error shape", () => {
  it.for([
    ["broken percent-encoding", `${API}/public/events/%E0%A4%A/`],
    ["an over-long path parameter", `${API}/public/events/${"a".repeat(101)}/`],
  ])("answers %s in the standard error shape", async ([, url], { t }) => {
    const req: Req = { method: "GET", url: url as string, headers: {} };
    expectErrorShape(req, await t.app.inject(req));
  });
});
