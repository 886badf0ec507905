import { ERROR_CODES, VALIDATION_MESSAGES } from "@ticketrunners/shared";
import { describe, expect } from "vitest";
import { appTest, testApp } from "../test-support/app-test";
import { createEvent, insertCustomer } from "../test-support/factories";

const API = "/api/v1";
// 30 a minute × 0.1: the fourth look-up of a claim link from one client within a minute is refused.
const it = appTest.extend("strictApp", { scope: "file" }, testApp({ env: { RATE_LIMIT_SCALE: "0.1" } }));

describe("validation errors", () => {
  it("name each refused field with a key and its English words, the first as the message", async ({ t }) => {
    const res = await t.call("POST", `${API}/users/register/`, {
      mobile_number: "12345",
      name: "Visit www.free-tickets.example",
      email: "not an email",
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({
      error: {
        code: "VALIDATION_ERROR",
        message: VALIDATION_MESSAGES.mobile_invalid,
        details: [
          { field: "body.mobile_number", key: "mobile_invalid", message: VALIDATION_MESSAGES.mobile_invalid },
          { field: "body.name", key: "name_web_address", message: VALIDATION_MESSAGES.name_web_address },
          { field: "body.email", key: "email_invalid", message: VALIDATION_MESSAGES.email_invalid },
        ],
      },
    });
  });

  it("say `required` for a missing field and give a wrong type the field's own key", async ({ t }) => {
    const res = await t.call("POST", `${API}/users/register/`, { name: 42 });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([
      { field: "body.mobile_number", key: "required", message: VALIDATION_MESSAGES.required },
      { field: "body.name", key: "name_required", message: VALIDATION_MESSAGES.name_required },
    ]);
  });

  it("carry the purchase rules' keys, where they apply", async ({ t }) => {
    const buyer = await insertCustomer(t);
    const { event, category } = await createEvent(t);
    const res = await t.call(
      "POST",
      `${API}/tickets/book/`,
      {
        event_id: event.id,
        items: [
          { category_id: category.id, quantity: 2, assignees: [null] },
          { category_id: category.id, quantity: 11 },
        ],
      },
      buyer.access,
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual(
      expect.arrayContaining([
        { field: "body.items.0.assignees", key: "assignees_count", message: VALIDATION_MESSAGES.assignees_count },
        { field: "body.items.1.quantity", key: "quantity_invalid", message: VALIDATION_MESSAGES.quantity_invalid },
      ]),
    );
  });

  it("answer `invalid` for a rule without a key of its own (a path id)", async ({ t }) => {
    const res = await t.call("GET", `${API}/public/events/not-an-id/`);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({
      error: {
        code: "VALIDATION_ERROR",
        message: VALIDATION_MESSAGES.invalid,
        details: [{ field: "params.id", key: "invalid", message: VALIDATION_MESSAGES.invalid }],
      },
    });
  });
});

describe("errors outside the routes", () => {
  it("answer an unknown API path and a malformed URL with codes from ErrorCode", async ({ t }) => {
    const missing = await t.call("GET", `${API}/no-such-thing/`);
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe("NOT_FOUND");
    const malformed = await t.call("GET", `${API}/public/events/%E0%A4%A/`);
    expect(ERROR_CODES).toContain(malformed.json().error.code);
  });

  it("refuse a stranger and a customer who is not an operator, by the authentication plugin", async ({ t }) => {
    expect((await t.call("GET", `${API}/users/me/`)).json()).toEqual({
      error: { code: "UNAUTHORIZED", message: "Please log in." },
    });
    const customer = await insertCustomer(t);
    const me = await t.call("GET", `${API}/users/me/`, undefined, customer.access);
    expect(me.json()).toMatchObject({ id: customer.customer.id, mobile_number: customer.e164 });
    const admin = await t.call("GET", `${API}/admin/payments/`, undefined, customer.access);
    expect(admin.statusCode).toBe(403);
    expect(admin.json().error.code).toBe("FORBIDDEN");
  });
});

describe("the claim link's answers", () => {
  it("say valid:false for a bad link, and answer a rate-limited client in the error shape", async ({ strictApp }) => {
    const validate = (query: string) => strictApp.call("GET", `${API}/users/validate-registration-token/${query}`);
    for (const [query, status, code, message] of [
      ["", 400, "MISSING_TOKEN", "The link has no token."],
      ["?token=nope", 404, "TOKEN_NOT_FOUND", "This link is not valid."],
      [`?token=${"a".repeat(513)}`, 404, "TOKEN_NOT_FOUND", "This link is not valid."],
    ] as const) {
      const res = await validate(query);
      expect({ status: res.statusCode, body: res.json() }).toEqual({
        status,
        body: { valid: false, error: { code, message } },
      });
    }

    const limited = await validate("?token=nope");
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toEqual({
      error: {
        code: "RATE_LIMITED",
        message: expect.stringMatching(/^Too many requests\./),
        details: { retry_after_seconds: expect.any(Number) },
      },
    });
  });
});
