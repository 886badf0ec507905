import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { openDatabase } from "../db/client";
import { migrateDatabase } from "../db/migrate";
import { adminUrl, databaseUrl } from "./test-database";

/** Migrates one template database per run; each test file starts from a copy of it. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (project.config.env?.TEST_DB === "postgres") {
    const name = `tr_test_${randomBytes(4).toString("hex")}`;
    const admin = new pg.Client({ connectionString: adminUrl() });
    await admin.connect();
    await admin.query(`create database "${name}"`);
    await admin.end();
    const database = await openDatabase({ url: databaseUrl(name), poolSize: 1 });
    await migrateDatabase(database);
    await database.close();
    project.provide("databaseTemplate", name);
    return async () => {
      const cleanup = new pg.Client({ connectionString: adminUrl() });
      await cleanup.connect();
      const { rows } = await cleanup.query<{ datname: string }>(
        "select datname from pg_database where datname like $1",
        [`${name}%`],
      );
      for (const row of rows) await cleanup.query(`drop database if exists "${row.datname}" with (force)`);
      await cleanup.end();
    };
  }
  const dir = mkdtempSync(join(tmpdir(), "tr-pglite-"));
  const database = await openDatabase({});
  await migrateDatabase(database);
  const client = (database.db as unknown as { $client: { dumpDataDir(c: string): Promise<Blob> } }).$client;
  const dump = await client.dumpDataDir("none");
  const file = join(dir, "template.tar");
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await database.close();
  project.provide("databaseTemplate", file);
  return async () => rmSync(dir, { recursive: true, force: true });
}

declare module "vitest" {
  export interface ProvidedContext {
    databaseTemplate: string;
  }
}
