import { normalizeMobileNumber } from "@ticketrunners/shared";
import { eq } from "drizzle-orm";
import { loadConfig } from "../config";
import { openDatabase } from "../db/client";
import { migrateDatabase } from "../db/migrate";
import { customers } from "../db/schema";

/** `npm run admin:grant -- <mobile number>`: makes an existing customer an operator. */
async function main(): Promise<void> {
  const config = loadConfig();
  const mobile = normalizeMobileNumber(process.argv[2] ?? "", config.DEFAULT_PHONE_REGION);
  if (!mobile) {
    process.stderr.write("Usage: npm run admin:grant -- <mobile number of an existing customer>\n");
    process.exit(2);
  }
  const database = await openDatabase({ url: config.DATABASE_URL, dataDir: config.DATA_DIR, poolSize: 1 });
  try {
    await migrateDatabase(database);
    const updated = await database.db
      .update(customers)
      .set({ role: "admin" })
      .where(eq(customers.mobileNumber, mobile))
      .returning({ id: customers.id });
    process.stdout.write(
      updated.length ? `${mobile} is now an operator.\n` : `No customer has the number ${mobile}.\n`,
    );
    process.exitCode = updated.length ? 0 : 1;
  } finally {
    await database.close();
  }
}

void main();
