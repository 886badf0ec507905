import { z } from "zod";
import { listOf } from "./schema-parts";

/** Development only: one SMS or email the server produced, as the dev inbox shows it. */
export const devOutboxMessageSchema = z.object({
  id: z.int(),
  channel: z.enum(["sms", "email"]),
  /** A number in E.164 or an email address. */
  to: z.string(),
  subject: z.string().nullable(),
  text: z.string(),
  html: z.string().nullable(),
  created_at: z.iso.datetime(),
});
export type DevOutboxMessage = z.infer<typeof devOutboxMessageSchema>;

export const devOutboxResponseSchema = listOf("messages", devOutboxMessageSchema).meta({
  id: "DevOutbox",
  description: "The newest 200 messages, newest first (development servers only).",
});
export type DevOutboxResponse = z.infer<typeof devOutboxResponseSchema>;
