// Opens the configured database and brings its schema up to date: what every entry point
// (server, CLI, tests) does first.
import type { Logger } from "pino";
import { openDatabase, type Database, type DatabaseOptions } from "./connection.js";
import { applyMigrations } from "./migrator.js";
import { resolveDatabaseTarget } from "./target.js";

export async function openMigratedDatabase(databaseUrl: string | undefined, log?: Logger, options: DatabaseOptions = {}): Promise<Database> {
  const db = await openDatabase(resolveDatabaseTarget(databaseUrl), options);
  try {
    const applied = await applyMigrations(db.migrationAdapter());
    if (applied.length) log?.info({ applied, database: db.target.label }, "applied migrations");
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}
