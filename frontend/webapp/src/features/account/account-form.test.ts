import type { ResolverOptions } from "react-hook-form";
import { describe, expect, it } from "vitest";
import { type AccountValues, accountResolver, accountValues } from "./account-form";

const check = (values: AccountValues) => accountResolver(values, undefined, {} as ResolverOptions<AccountValues>);

describe("the account form", () => {
  it("starts from the customer as the server knows them, with no email as an empty box", () => {
    const user = {
      id: "u",
      mobile_number: "+201012345678",
      name: "Mona",
      email: null,
      locale: "ar" as const,
      role: "customer" as const,
    };
    expect(accountValues(user)).toEqual({ name: "Mona", email: "", locale: "ar" });
  });

  it("removes the email when its box is emptied, and sends the rest as the shared schema reads it", async () => {
    expect((await check({ name: " Mona Adel ", email: "  ", locale: "en" })).values).toEqual({
      name: "Mona Adel",
      email: null,
      locale: "en",
    });
    expect((await check({ name: "Mona", email: " mona@example.com", locale: "ar" })).values).toEqual({
      name: "Mona",
      email: "mona@example.com",
      locale: "ar",
    });
  });

  it("refuses a name the SMS could not carry and an address that is not one, by key", async () => {
    const { errors } = await check({ name: "Call 010 1234 5678", email: "mona@", locale: "en" });
    expect(errors.name?.message).toBe("name_phone");
    expect(errors.email?.message).toBe("email_invalid");
    expect((await check({ name: "", email: "", locale: "en" })).errors.name?.message).toBe("name_required");
  });
});
