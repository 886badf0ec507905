ALTER TABLE "tickets" ADD COLUMN "holder_version" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "checked_in_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "checked_in_by" uuid;--> statement-breakpoint
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_checked_in_by_customers_id_fk" FOREIGN KEY ("checked_in_by") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;