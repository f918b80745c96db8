// Opens the configured database and brings its schema up to date: what every entry point
// (server, CLI, tests) does first.
import type { Logger } from "pino";
import { openDatabase, type Database, type DatabaseOptions } from "./connection.js";
import { applyCommittedMigrations } from "./migration-files.js";
import { defaultPaths } from "./migrator.js";
import { resolveDatabaseTarget } from "./target.js";

export async function openMigratedDatabase(databaseUrl: string | undefined, log?: Logger, options: DatabaseOptions = {}): Promise<Database> {
  const db = await openDatabase(resolveDatabaseTarget(databaseUrl), options);
  try {
    const applied = await applyPendingMigrations(db);
    if (applied.length) log?.info({ applied, database: db.target.label }, "applied migrations");
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}

/** Applies the committed migrations the database lacks; returns their names. */
export async function applyPendingMigrations(db: Database, migrationsDir = defaultPaths.migrationsDir): Promise<string[]> {
  const session = await db.migrationSession();
  try {
    return await applyCommittedMigrations(session, migrationsDir);
  } finally {
    await session.close();
  }
}
