import { accountSchemas } from "@ticketrunners/shared";
import "./zod-config";

/** Numbers typed without a country code are read as Egyptian, as the server does by default. */
export const PHONE_REGION = "EG";

export const schemas = accountSchemas(PHONE_REGION);
