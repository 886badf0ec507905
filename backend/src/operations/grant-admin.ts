import { normalizeMobileNumber, ROLES, type Role } from "@ticketrunners/shared";
import { eq } from "drizzle-orm";
import { loadConfig } from "../config";
import { openDatabase } from "../db/client";
import { migrateDatabase } from "../db/migrate";
import { customers } from "../db/schema";

const usage =
  "Usage: npm run admin:grant -- <mobile number of an existing customer> [--role staff|admin|customer] (default admin)\n";

/** `npm run admin:grant -- <mobile> [--role staff|admin]`: gives an existing customer a role. */
async function main(): Promise<void> {
  const config = loadConfig();
  const args = process.argv.slice(2);
  const roleAt = args.indexOf("--role");
  const role = (roleAt >= 0 ? args[roleAt + 1] : "admin") as Role;
  const typed = args.filter((_, i) => i !== roleAt && i !== roleAt + 1)[0] ?? "";
  const mobile = normalizeMobileNumber(typed, config.DEFAULT_PHONE_REGION);
  if (!mobile || !ROLES.includes(role)) {
    process.stderr.write(usage);
    process.exit(2);
  }
  const database = await openDatabase({ url: config.DATABASE_URL, dataDir: config.DATA_DIR, poolSize: 1 });
  try {
    await migrateDatabase(database);
    const updated = await database.db
      .update(customers)
      .set({ role })
      .where(eq(customers.mobileNumber, mobile))
      .returning({ id: customers.id });
    process.stdout.write(updated.length ? `${mobile} is now ${role}.\n` : `No customer has the number ${mobile}.\n`);
    process.exitCode = updated.length ? 0 : 1;
  } finally {
    await database.close();
  }
}

void main();
