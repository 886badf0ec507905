import { existsSync } from "node:fs";
import { describe, expect } from "vitest";
import { webappDist } from "../paths";
import { appTest, testApp } from "../test-support/app-test";
import { createEvent, insertCustomer, purchaseOf, startCheckout } from "../test-support/factories";
import { serveOverHttp } from "../test-support/http-client";
import { DEVELOPMENT_ONLY_ROUTES, PRODUCTION_TEST_ENV } from "../test-support/test-app";

// RATE_LIMIT_SCALE 0.1: login allows one request a minute.
const it = appTest
  .override("t", { scope: "file" }, testApp({ env: { RATE_LIMIT_SCALE: "0.1" } }))
  .extend("prod", { scope: "file" }, testApp({ env: PRODUCTION_TEST_ENV }))
  .extend("prodHttp", { scope: "file" }, async ({ prod }) => serveOverHttp(prod));

/** The policy as directive → sources, e.g. { "script-src": ["'self'"] }. */
function directives(policy: string | null): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const part of (policy ?? "").split(";")) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) result[name] = sources;
  }
  return result;
}

/** What every answer must carry, whatever produced it. */
function expectSecurityHeaders(res: Response, what: string) {
  const csp = directives(res.headers.get("content-security-policy"));
  expect(csp["default-src"], what).toEqual(["'self'"]);
  expect(csp["script-src"], what).toEqual(["'self'"]);
  expect(csp["style-src"], what).toEqual(["'self'"]);
  expect(csp["object-src"], what).toEqual(["'none'"]);
  expect(csp["base-uri"], what).toEqual(["'self'"]);
  expect(csp["frame-ancestors"], what).toEqual(["'none'"]);
  expect(csp["form-action"], what).toEqual(["'self'", "http://tickets.test"]);
  expect(csp["img-src"], what).toEqual(["'self'", "data:"]);
  for (const sources of Object.values(csp)) {
    expect(sources, what).not.toContain("'unsafe-inline'");
    expect(sources, what).not.toContain("'unsafe-eval'");
    expect(sources, what).not.toContain("*");
  }
  expect(res.headers.get("x-content-type-options"), what).toBe("nosniff");
  expect(res.headers.get("referrer-policy"), what).toBe("no-referrer");
  expect(res.headers.get("x-frame-options"), what).toBe("DENY");
}

/** The `{"error":{code,message}}` body of an API error. */
const errorOf = async (res: Response) => ((await res.json()) as { error: { code: unknown; message: unknown } }).error;

const hasInlineStyleOrScript = (html: string) =>
  /<style[\s>]/i.test(html) || /\sstyle\s*=/i.test(html) || /<script(?![^>]*\ssrc=)[^>]*>/i.test(html);

describe("security headers over real HTTP", () => {
  it("are on API answers, errors, 404s and rate-limit refusals", async ({ http: { baseUrl: base } }) => {
    const ok = await fetch(`${base}/api/v1/public/events/`);
    expect(ok.status).toBe(200);
    expectSecurityHeaders(ok, "API answer");

    const invalidJson = await fetch(`${base}/api/v1/users/register/`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{not json",
    });
    expect(invalidJson.status).toBe(400);
    expect((await errorOf(invalidJson)).code).toBe("INVALID_JSON");
    expectSecurityHeaders(invalidJson, "error answer");

    const missing = await fetch(`${base}/api/v1/no-such-thing/`);
    expect(missing.status).toBe(404);
    expect((await errorOf(missing)).code).toBe("NOT_FOUND");
    expectSecurityHeaders(missing, "404");

    // Fastify answers a malformed URL before any hook runs.
    const malformed = await fetch(`${base}/api/v1/public/events/%E0%A4%A/`);
    expect(malformed.status).toBe(400);
    expect((await errorOf(malformed)).code).toBe("BAD_REQUEST");
    expectSecurityHeaders(malformed, "malformed URL");

    // RATE_LIMIT_SCALE 0.1: login allows one request a minute.
    const statuses: number[] = [];
    for (let i = 0; i < 2; i++) {
      const res = await fetch(`${base}/api/v1/users/login/`, { method: "POST" });
      statuses.push(res.status);
      if (res.status === 429) expectSecurityHeaders(res, "429");
    }
    expect(statuses).toEqual([400, 429]);
  });

  it("are on /signup, whose URL carries the claim token", async ({ http: { baseUrl: base } }) => {
    const res = await fetch(`${base}/signup?token=claim-token-in-the-url`);
    expectSecurityHeaders(res, "/signup");
    if (existsSync(webappDist)) {
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(html).toContain('<div id="root">');
      expect(hasInlineStyleOrScript(html), "the built index.html has inline script or style").toBe(false);
    } else {
      expect(res.status).toBe(404);
    }
  });

  it("are on the sandbox checkout page, which has no inline style and serves its stylesheet", async ({
    t,
    http: { baseUrl: base },
  }) => {
    const buyer = await insertCustomer(t);
    const { category } = await createEvent(t, { priceMinor: 10_000 });
    const checkout = await startCheckout(t, buyer.access, purchaseOf(category, 1));
    const page = await fetch(new URL(new URL(checkout.checkout_url).pathname, base));
    expect(page.status).toBe(200);
    expectSecurityHeaders(page, "sandbox checkout");
    const html = await page.text();
    expect(html).toContain('data-testid="sandbox-amount"');
    expect(html).toContain('<link rel="stylesheet" href="/payments/sandbox/checkout.css">');
    expect(hasInlineStyleOrScript(html)).toBe(false);

    const css = await fetch(`${base}/payments/sandbox/checkout.css`);
    expect(css.status).toBe(200);
    expect(css.headers.get("content-type")).toBe("text/css; charset=utf-8");
    expect(await css.text()).toContain(".pay {");
    expectSecurityHeaders(css, "checkout stylesheet");
  });

  it("are on the dev inbox page, which has no inline style and serves its stylesheet", async ({
    http: { baseUrl: base },
  }) => {
    const page = await fetch(`${base}/dev/inbox`);
    expect(page.status).toBe(200);
    expectSecurityHeaders(page, "dev inbox");
    const html = await page.text();
    expect(html).toContain('<link rel="stylesheet" href="/dev/inbox.css">');
    expect(hasInlineStyleOrScript(html)).toBe(false);

    const css = await fetch(`${base}/dev/inbox.css`);
    expect(css.status).toBe(200);
    expect(css.headers.get("content-type")).toBe("text/css; charset=utf-8");
    expect(await css.text()).toContain(".badge {");
  });

  it("relax only inline styles, and only on Swagger UI's own pages", async ({ http: { baseUrl: base } }) => {
    const docs = await fetch(`${base}/api/docs/`);
    expect(docs.status).toBe(200);
    const csp = directives(docs.headers.get("content-security-policy"));
    expect(csp["style-src"]).toEqual(["'self'", "'unsafe-inline'"]);
    expect(csp["script-src"]).toEqual(["'self'"]);
    expect(csp["frame-ancestors"]).toEqual(["'none'"]);
    expect(hasInlineStyleOrScript(await docs.text())).toBe(false);

    expectSecurityHeaders(await fetch(`${base}/api/v1/public/events/`), "after the docs");
    expectSecurityHeaders(await fetch(`${base}/api/documents`), "a path that only starts like the docs");
  });
});

describe("the production app", () => {
  it("never mounts the sandbox gateway or the dev inbox", async ({ prodHttp: { baseUrl: base } }) => {
    for (const [method, path] of DEVELOPMENT_ONLY_ROUTES) {
      const res = await fetch(`${base}${path}`, {
        method,
        ...(method === "POST"
          ? { headers: { "content-type": "application/json" }, body: JSON.stringify({ event_id: "evt_1" }) }
          : {}),
      });
      expect(res.status, `${method} ${path}`).toBe(404);
      const error = await errorOf(res);
      expect(typeof error.code, `${method} ${path}`).toBe("string");
      expect(typeof error.message, `${method} ${path}`).toBe("string");
      expectSecurityHeaders(res, `${method} ${path}`);
    }
  });

  it("checks out through Kashier, not the sandbox", ({ prod }) => {
    expect(prod.runtime.deps.payments.active.name).toBe("kashier");
    expect(prod.runtime.deps.payments.sandbox).toBeUndefined();
    expect([...prod.runtime.deps.payments.byName.keys()]).toEqual(["kashier"]);
  });

  it("answers /metrics only with the metrics token", async ({ prod, prodHttp: { baseUrl: base } }) => {
    const token = PRODUCTION_TEST_ENV.METRICS_TOKEN;
    for (const authorization of [undefined, "Bearer wrong-token", `Basic ${token}`, `Bearer ${token}x`, token]) {
      const res = await fetch(`${base}/metrics`, { headers: authorization ? { authorization } : {} });
      expect(res.status, String(authorization)).toBe(401);
      expect((await errorOf(res)).code).toBe("UNAUTHORIZED");
    }
    const ok = await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${token}` } });
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain("process_cpu_user_seconds_total");
    expect(prod.logs.join("")).not.toContain(token);
  });
});
