import { z } from "zod";
import { email, mobileNumber, otpCode, personName } from "./accounts";
import { MAX_ITEMS_PER_PURCHASE, MAX_TICKETS_PER_ITEM, MAX_TICKETS_PER_PURCHASE } from "./limits";
import { locale } from "./locale";
import { ticketViewSchema } from "./tickets";
import { typeError } from "./validation";

export const assigneeSchema = (region: string) =>
  z.object(
    {
      name: personName.optional(),
      mobile_number: mobileNumber(region),
      email: email.optional(),
      /** The language the recipient is written to in, when they have no account yet (default: the sender's). */
      locale: locale.optional(),
    },
    { error: typeError("invalid") },
  );

/** POST /users/tickets/{id}/reassign/: the number (and who) a waiting ticket should wait for instead. */
export const reassignRequestSchema = assigneeSchema;

/** POST /users/tickets/{id}/transfer/: whom to pass a held ticket on to, with the code texted to the owner. */
export const transferRequestSchema = (region: string) => assigneeSchema(region).extend({ otp_code: otpCode });

const id = z.uuid({ error: typeError("id_invalid") });

/** The body of tickets/book and payments/process: prices never come from the client. */
export const purchaseRequestSchema = (region: string) =>
  z.object({
    event_id: id,
    items: z
      .array(
        z
          .object(
            {
              category_id: id,
              quantity: z
                .int({ error: typeError("quantity_invalid") })
                .min(1, "quantity_invalid")
                .max(MAX_TICKETS_PER_ITEM, "quantity_invalid"),
              /** One per ticket; null (or omitted entirely) means the ticket is the buyer's. */
              assignees: z
                .array(assigneeSchema(region).nullable(), { error: typeError("assignees_count") })
                .max(MAX_TICKETS_PER_ITEM, "assignees_count")
                .optional(),
            },
            { error: typeError("invalid") },
          )
          .refine((item) => !item.assignees || item.assignees.length === item.quantity, {
            message: "assignees_count",
            path: ["assignees"],
          }),
        { error: typeError("items_required") },
      )
      .min(1, "items_required")
      .max(MAX_ITEMS_PER_PURCHASE, "items_too_many")
      .refine((items) => new Set(items.map((i) => i.category_id)).size === items.length, {
        message: "categories_unique",
      })
      .refine((items) => items.reduce((n, i) => n + i.quantity, 0) <= MAX_TICKETS_PER_PURCHASE, {
        message: "tickets_too_many",
      }),
  });

export type PurchaseRequest = z.infer<ReturnType<typeof purchaseRequestSchema>>;

/** POST /tickets/book/: free categories only; the tickets exist at once. */
export const bookResponseSchema = z
  .object({ payment_id: z.guid(), tickets: z.array(ticketViewSchema) })
  .describe("The free tickets were booked.");
export type BookResponse = z.infer<typeof bookResponseSchema>;
