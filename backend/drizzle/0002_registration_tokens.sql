CREATE TABLE "ticket_registration_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"token_hash" text NOT NULL,
	"ticket_id" uuid NOT NULL,
	"payment_id" uuid NOT NULL,
	"phone_number" text NOT NULL,
	"reason" text DEFAULT 'purchase' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used" boolean DEFAULT false NOT NULL,
	"used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "ticket_registration_tokens_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
ALTER TABLE "ticket_registration_tokens" ADD CONSTRAINT "ticket_registration_tokens_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket_registration_tokens" ADD CONSTRAINT "ticket_registration_tokens_payment_id_payments_id_fk" FOREIGN KEY ("payment_id") REFERENCES "public"."payments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "registration_tokens_phone_idx" ON "ticket_registration_tokens" USING btree ("phone_number");--> statement-breakpoint
CREATE INDEX "registration_tokens_ticket_idx" ON "ticket_registration_tokens" USING btree ("ticket_id","created_at");