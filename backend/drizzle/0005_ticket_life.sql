CREATE TABLE "ticket_gifts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"ticket_id" uuid NOT NULL,
	"sender_id" uuid NOT NULL,
	"given_as" text NOT NULL,
	"gift_key" text NOT NULL,
	"mobile_number" text NOT NULL,
	"name" text,
	"email" text,
	"locale" text NOT NULL,
	"status" text NOT NULL,
	"holder_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"claimed_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"first_message_at" timestamp with time zone NOT NULL,
	"last_message_at" timestamp with time zone NOT NULL,
	"reminders_sent" integer DEFAULT 0 NOT NULL,
	"silence_reminder_done" boolean DEFAULT false NOT NULL,
	"event_reminder_done" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ticket_history" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"ticket_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"action" text NOT NULL,
	"actor_id" uuid,
	"to_mobile" text,
	"from_mobile" text
);
--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "timezone" text DEFAULT 'Africa/Cairo' NOT NULL;--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "transfers_allowed" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "transfer_cutoff_minutes" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "gift_key" text;--> statement-breakpoint
ALTER TABLE "ticket_registration_tokens" ADD COLUMN "gift_key" text;--> statement-breakpoint
ALTER TABLE "ticket_gifts" ADD CONSTRAINT "ticket_gifts_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket_gifts" ADD CONSTRAINT "ticket_gifts_sender_id_customers_id_fk" FOREIGN KEY ("sender_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket_gifts" ADD CONSTRAINT "ticket_gifts_holder_id_customers_id_fk" FOREIGN KEY ("holder_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket_history" ADD CONSTRAINT "ticket_history_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket_history" ADD CONSTRAINT "ticket_history_actor_id_customers_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ticket_gifts_ticket_idx" ON "ticket_gifts" USING btree ("ticket_id");--> statement-breakpoint
CREATE INDEX "ticket_gifts_sender_idx" ON "ticket_gifts" USING btree ("sender_id","created_at");--> statement-breakpoint
CREATE INDEX "ticket_gifts_key_idx" ON "ticket_gifts" USING btree ("gift_key");--> statement-breakpoint
CREATE INDEX "ticket_gifts_waiting_idx" ON "ticket_gifts" USING btree ("status","first_message_at");--> statement-breakpoint
CREATE UNIQUE INDEX "ticket_gifts_one_waiting" ON "ticket_gifts" USING btree ("ticket_id") WHERE "ticket_gifts"."status" = 'waiting';--> statement-breakpoint
CREATE INDEX "ticket_history_ticket_idx" ON "ticket_history" USING btree ("ticket_id","at");--> statement-breakpoint
CREATE INDEX "ticket_history_actor_idx" ON "ticket_history" USING btree ("actor_id","at");--> statement-breakpoint
CREATE INDEX "notifications_gift_key_idx" ON "notifications" USING btree ("gift_key");--> statement-breakpoint
CREATE INDEX "registration_tokens_gift_key_idx" ON "ticket_registration_tokens" USING btree ("gift_key");--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_transfer_cutoff_range" CHECK ("events"."transfer_cutoff_minutes" >= 0 AND "events"."transfer_cutoff_minutes" <= 10080);
--> statement-breakpoint
-- Tickets given before gifts were recorded: each becomes its buyer's gift, filed under its purchase and number.
INSERT INTO "ticket_gifts" ("ticket_id", "sender_id", "given_as", "gift_key", "mobile_number", "name", "email", "locale", "status", "holder_id", "created_at", "claimed_at", "first_message_at", "last_message_at")
SELECT t."id", t."buyer_id", 'purchase', 'purchase:' || t."payment_id" || ':' || t."assigned_mobile", t."assigned_mobile", t."assigned_name", t."assigned_email", p."locale",
  CASE WHEN t."owner_id" IS NULL THEN 'waiting' ELSE 'claimed' END, t."owner_id", t."created_at", t."claimed_at", t."created_at", t."created_at"
FROM "tickets" t JOIN "payments" p ON p."id" = t."payment_id"
WHERE t."assigned_mobile" IS NOT NULL;--> statement-breakpoint
INSERT INTO "ticket_history" ("ticket_id", "at", "action", "actor_id")
SELECT "id", "created_at", 'issued', "buyer_id" FROM "tickets";--> statement-breakpoint
INSERT INTO "ticket_history" ("ticket_id", "at", "action", "actor_id", "to_mobile")
SELECT "id", "created_at", 'given', "buyer_id", "assigned_mobile" FROM "tickets" WHERE "assigned_mobile" IS NOT NULL;--> statement-breakpoint
INSERT INTO "ticket_history" ("ticket_id", "at", "action", "actor_id", "to_mobile")
SELECT "id", "claimed_at", 'claimed', "owner_id", "assigned_mobile" FROM "tickets"
WHERE "assigned_mobile" IS NOT NULL AND "owner_id" IS NOT NULL AND "claimed_at" > "created_at";--> statement-breakpoint
UPDATE "notifications" n SET "gift_key" = 'purchase:' || n."payment_id" || ':' || t."assigned_mobile"
FROM "tickets" t WHERE t."id" = n."ticket_id" AND n."template" LIKE 'assignment-%' AND t."assigned_mobile" IS NOT NULL;--> statement-breakpoint
UPDATE "ticket_registration_tokens" SET "gift_key" = 'purchase:' || "payment_id" || ':' || "phone_number";
