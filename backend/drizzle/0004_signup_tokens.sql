ALTER TABLE "otp_codes" ADD COLUMN "signup_token_hash" text;--> statement-breakpoint
ALTER TABLE "otp_codes" ADD CONSTRAINT "otp_codes_signup_token_hash_unique" UNIQUE("signup_token_hash");