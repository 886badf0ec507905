import {
  type AdminCategory,
  type AdminCategoryCreate,
  type AdminCategoryUpdate,
  adminCategoryCreateSchema,
  adminCategoryUpdateSchema,
} from "@ticketrunners/shared";
import type { Resolver } from "react-hook-form";
import { fieldErrorsOf } from "../../../lib/field-errors";
import { formatMajorAmount, parseMajorAmount } from "../money-input";
import { wholeNumber } from "./event-form";

/** A category as typed: the price in major units of the currency ("350.50"), 0 for free. */
export interface CategoryValues {
  name: string;
  price: string;
  currency: string;
  capacity: string;
}

export const newCategoryValues = (currency = "EGP"): CategoryValues => ({
  name: "",
  price: "",
  currency,
  capacity: "",
});

export const categoryValues = (category: AdminCategory): CategoryValues => ({
  name: category.name,
  price: formatMajorAmount(category.price_minor, category.currency),
  currency: category.currency,
  capacity: String(category.capacity),
});

/** A price that does not read as an amount in the currency goes to the schema as NaN: `price_invalid`. */
const priceMinor = (values: CategoryValues) =>
  values.price.trim() === "" ? undefined : (parseMajorAmount(values.price, values.currency) ?? Number.NaN);

export const toCategoryBody = (values: CategoryValues) => ({
  name: values.name,
  price_minor: priceMinor(values),
  currency: values.currency,
  capacity: wholeNumber(values.capacity),
});

const FIELDS: Record<string, keyof CategoryValues> = {
  name: "name",
  price_minor: "price",
  currency: "currency",
  capacity: "capacity",
};

const errorsOf = (issues: Parameters<typeof fieldErrorsOf>[0]) =>
  fieldErrorsOf<CategoryValues>(issues, (field) => FIELDS[String(field)] ?? "name");

/** A new category, validated with the server's own schema. */
export const newCategoryResolver: Resolver<CategoryValues, unknown, AdminCategoryCreate> = async (values) => {
  const parsed = adminCategoryCreateSchema.safeParse(toCategoryBody(values));
  return parsed.success ? { values: parsed.data, errors: {} } : { values: {}, errors: errorsOf(parsed.error.issues) };
};

/** An edit: the currency stays what it was (the update schema has none); only changed fields are sent. */
export function categoryUpdateResolver(
  category: AdminCategory,
): Resolver<CategoryValues, unknown, AdminCategoryUpdate> {
  return async (values) => {
    const { currency: _currency, ...body } = toCategoryBody({ ...values, currency: category.currency });
    const parsed = adminCategoryUpdateSchema.required().safeParse(body);
    if (!parsed.success) return { values: {}, errors: errorsOf(parsed.error.issues) };
    const patch: AdminCategoryUpdate = {};
    if (parsed.data.name !== category.name) patch.name = parsed.data.name;
    if (parsed.data.price_minor !== category.price_minor) patch.price_minor = parsed.data.price_minor;
    if (parsed.data.capacity !== category.capacity) patch.capacity = parsed.data.capacity;
    return { values: patch, errors: {} };
  };
}
