import type { AdminCategory } from "@ticketrunners/shared";
import { MAX_PRICE_MINOR } from "@ticketrunners/shared";
import { describe, expect, it } from "vitest";
import { categoryUpdateResolver, categoryValues, newCategoryResolver, newCategoryValues } from "./category-form";

const options = { fields: {}, shouldUseNativeValidation: false } as const;

const CATEGORY: AdminCategory = {
  id: "6a1d1d8e-8c1b-4a52-93c8-5a4f0c7c2b11",
  event_id: "0b6f7f9e-4a8e-4f39-9a51-8f0f4b5a1c01",
  name: "Regular",
  price_minor: 35050,
  currency: "EGP",
  capacity: 100,
  sold: 10,
  held: 2,
  remaining: 88,
};

describe("the category form", () => {
  it("reads the price in major units of the currency", async () => {
    const egp = await newCategoryResolver(
      { name: "Regular", price: "350.50", currency: "EGP", capacity: "100" },
      undefined,
      options,
    );
    expect(egp.values).toEqual({ name: "Regular", price_minor: 35050, currency: "EGP", capacity: 100 });
    const kwd = await newCategoryResolver(
      { name: "VIP", price: "12.250", currency: "KWD", capacity: "5" },
      undefined,
      options,
    );
    expect(kwd.values).toMatchObject({ price_minor: 12250 });
    const free = await newCategoryResolver(
      { ...newCategoryValues(), name: "Free", price: "0", capacity: "50" },
      undefined,
      options,
    );
    expect(free.values).toMatchObject({ price_minor: 0 });
  });

  it("refuses a price the currency cannot have, an absurd one, and seats that are no whole number", async () => {
    const result = await newCategoryResolver(
      { name: "", price: "1500.5", currency: "JPY", capacity: "-3" },
      undefined,
      options,
    );
    expect(result.errors.name?.message).toBe("text_required");
    expect(result.errors.price?.message).toBe("price_invalid");
    expect(result.errors.capacity?.message).toBe("capacity_invalid");
    const absurd = await newCategoryResolver(
      { name: "Gold", price: String(MAX_PRICE_MINOR), currency: "EGP", capacity: "1" },
      undefined,
      options,
    );
    expect(absurd.errors.price?.message).toBe("price_invalid");
    const empty = await newCategoryResolver({ ...newCategoryValues(), name: "A", capacity: "1" }, undefined, options);
    expect(empty.errors.price?.message).toBe("required");
  });

  it("shows a saved price as it would be typed, and sends only what an edit changed", async () => {
    const values = categoryValues(CATEGORY);
    expect(values.price).toBe("350.50");
    const resolver = categoryUpdateResolver(CATEGORY);
    expect((await resolver({ ...values, capacity: "120" }, undefined, options)).values).toEqual({ capacity: 120 });
    expect((await resolver({ ...values, price: "400" }, undefined, options)).values).toEqual({ price_minor: 40000 });
    expect((await resolver(values, undefined, options)).values).toEqual({});
  });
});
