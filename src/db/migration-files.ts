// Applies the committed migrations (prisma/migrations/*/migration.sql) by reading the SQL
// files, as `prisma migrate deploy` does, and records them in Prisma's own
// `_prisma_migrations` table, so the schema engine (migrator.ts: creating migrations,
// drift checks) and this agree on what is applied. Starting the Wasm schema engine only
// to learn that nothing is pending cost every start seconds; reading a table does not.
import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { PGlite, Transaction } from "@electric-sql/pglite";
import pg from "pg";

/** One connection on which the migrations run. */
export interface MigrationSession {
  query<T>(text: string, values?: unknown[]): Promise<T[]>;
  /** Runs `script` (several statements) and then `record`, in one transaction. */
  runInTransaction(script: string, record: { text: string; values: unknown[] }): Promise<void>;
  close(): Promise<void>;
}

export interface CommittedMigration {
  name: string;
  script: string;
  /** sha256 of the file, in hex: the checksum Prisma records. */
  checksum: string;
}

/** The key Prisma's schema engine takes its advisory lock with, so the two never run at once. */
const PRISMA_MIGRATION_LOCK = 72707369;

/** Prisma's own definition of its bookkeeping table. */
const CREATE_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

const RECORD_APPLIED = `INSERT INTO "_prisma_migrations" ("id", "checksum", "migration_name", "started_at", "finished_at", "applied_steps_count")
  VALUES ($1, $2, $3, $4, now(), 1)`;

/** Raised when the database's migration history cannot be continued safely. */
export class MigrationHistoryError extends Error {
  override name = "MigrationHistoryError";
}

/** The migrations in `migrationsDir`, oldest first (folder names start with a timestamp). */
export function readCommittedMigrations(migrationsDir: string): CommittedMigration[] {
  if (!fs.existsSync(migrationsDir)) return [];
  return fs
    .readdirSync(migrationsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(migrationsDir, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const bytes = fs.readFileSync(path.join(migrationsDir, name, "migration.sql"));
      return { name, script: bytes.toString("utf8"), checksum: createHash("sha256").update(bytes).digest("hex") };
    });
}

/**
 * Applies the committed migrations the database does not have yet, each with its record in
 * one transaction (whole or not at all); returns the names of those applied. Holds Prisma's
 * advisory lock meanwhile, so servers and workers starting together apply each once.
 */
export async function applyCommittedMigrations(session: MigrationSession, migrationsDir: string): Promise<string[]> {
  await session.query(`SELECT pg_advisory_lock(${PRISMA_MIGRATION_LOCK})`);
  try {
    await session.query(CREATE_MIGRATIONS_TABLE);
    const rows = await session.query<{ migration_name: string; finished_at: Date | null; rolled_back_at: Date | null }>(
      `SELECT "migration_name", "finished_at", "rolled_back_at" FROM "_prisma_migrations"`,
    );
    const unfinished = rows.filter((row) => row.finished_at === null && row.rolled_back_at === null);
    if (unfinished.length) {
      throw new MigrationHistoryError(
        `migration ${unfinished.map((row) => row.migration_name).join(", ")} started earlier and did not finish: repair the database, then mark it rolled back in _prisma_migrations`,
      );
    }
    const applied = new Set(rows.filter((row) => row.finished_at !== null && row.rolled_back_at === null).map((row) => row.migration_name));
    const pending = readCommittedMigrations(migrationsDir).filter((migration) => !applied.has(migration.name));
    for (const migration of pending) {
      try {
        await session.runInTransaction(migration.script, { text: RECORD_APPLIED, values: [randomUUID(), migration.checksum, migration.name, new Date()] });
      } catch (error) {
        throw new MigrationHistoryError(`migration ${migration.name} failed and was rolled back: ${(error as Error).message.split("\n")[0]}`);
      }
    }
    return pending.map((migration) => migration.name);
  } finally {
    await session.query(`SELECT pg_advisory_unlock(${PRISMA_MIGRATION_LOCK})`).catch(() => {});
  }
}

/** A session on the embedded database's one connection. */
export function pgliteMigrationSession(pglite: PGlite): MigrationSession {
  return {
    query: async <T>(text: string, values: unknown[] = []) => (await pglite.query<T>(text, values)).rows,
    runInTransaction: async (script, record) => {
      await pglite.transaction(async (tx: Transaction) => {
        await tx.exec(script);
        await tx.query(record.text, record.values);
      });
    },
    close: async () => {},
  };
}

/**
 * A session on a connection of its own: the advisory lock belongs to a connection, and a
 * script sent as one simple query runs whole (a function body's semicolons included).
 */
export async function postgresMigrationSession(url: string): Promise<MigrationSession> {
  const client = new pg.Client({ connectionString: url });
  client.on("error", () => {});
  await client.connect();
  return {
    query: async <T>(text: string, values: unknown[] = []) => (await client.query(text, values)).rows as T[],
    runInTransaction: async (script, record) => {
      await client.query("BEGIN");
      try {
        await client.query(script);
        await client.query(record.text, record.values);
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK").catch(() => {});
        throw error;
      }
    },
    close: () => client.end(),
  };
}
