import { type Locale, transferRequestSchema } from "@ticketrunners/shared";
import type { ResolverOptions } from "react-hook-form";
import { describe, expect, it } from "vitest";
import {
  type CodeValues,
  emptyRecipient,
  type RecipientValues,
  recipientResolver,
  transferCodeResolver,
} from "./recipient-form";

/** The form's answer for what was typed, with the other boxes blank, in the language given (else English). */
const check = (purpose: "reassign" | "transfer", typed: Partial<RecipientValues>, locale: Locale = "en") =>
  recipientResolver(purpose, "EG")(emptyRecipient(locale, typed), undefined, {} as ResolverOptions<RecipientValues>);

describe("recipientResolver", () => {
  it("sends the number in E.164, the language chosen, and leaves blank name and email out", async () => {
    for (const purpose of ["reassign", "transfer"] as const) {
      const { values, errors } = await check(purpose, { mobile_number: "010 1234 5678" }, "ar");
      expect(errors).toEqual({});
      expect(values).toEqual({ mobile_number: "+201012345678", locale: "ar" });
    }
  });

  it("keeps a name and an email when given, trimmed", async () => {
    const { values } = await check("reassign", {
      mobile_number: "+20 11 0000 1111",
      name: "  Salma Adel ",
      email: " salma@example.com ",
    });
    expect(values).toEqual({
      mobile_number: "+201100001111",
      name: "Salma Adel",
      email: "salma@example.com",
      locale: "en",
    });
  });

  it("puts each refusal of the shared schema on its field, by its key", async () => {
    const { errors } = await check("transfer", {
      mobile_number: "0101234",
      name: "Visit bit.ly/prize",
      email: "not an address",
    });
    expect(errors.mobile_number?.message).toBe("mobile_invalid");
    expect(errors.name?.message).toBe("name_web_address");
    expect(errors.email?.message).toBe("email_invalid");
  });

  it("refuses a landline: tickets arrive by SMS", async () => {
    const { errors } = await check("reassign", { mobile_number: "02 2345 6789" });
    expect(errors.mobile_number?.message).toBe("mobile_invalid");
  });

  it("starts from what it is given, in the language it is given", () => {
    expect(emptyRecipient("ar", { name: "Omar", email: "" })).toEqual({
      mobile_number: "",
      name: "Omar",
      email: "",
      locale: "ar",
    });
  });
});

describe("transferCodeResolver", () => {
  const recipient = { mobile_number: "+201012345678", name: "Salma", locale: "ar" as const };
  const code = (otp_code: string) =>
    transferCodeResolver(recipient, "EG")({ otp_code }, undefined, {} as ResolverOptions<CodeValues>);

  it("answers the whole transfer body, as the shared transfer schema reads it", async () => {
    const { values, errors } = await code("123456");
    expect(errors).toEqual({});
    expect(values).toEqual({ ...recipient, otp_code: "123456" });
    expect(transferRequestSchema("EG").parse(values)).toEqual(values);
  });

  it("refuses a code that is not six digits, on the code field", async () => {
    for (const typed of ["", "12345", "12345a", "1234567"]) {
      const { errors } = await code(typed);
      expect(errors.otp_code?.message, typed).toBe("otp_format");
    }
  });
});
