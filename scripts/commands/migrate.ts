// newsgraph migrate [apply]          applies pending migrations to DATABASE_URL's database (npm run db:migrate)
// newsgraph migrate create NAME      creates the next migration from prisma/schema.prisma (npm run db:migration -- NAME)
// newsgraph migrate drift            exits 1 when the database differs from schema.prisma (npm run db:drift)
import { Command } from "commander";
import { openDatabase } from "../../src/db/connection.js";
import { createMigration, diffDatabaseAgainstSchema } from "../../src/db/migrator.js";
import { applyPendingMigrations } from "../../src/db/open.js";
import { resolveDatabaseTarget } from "../../src/db/target.js";

async function withDatabase<T>(work: (db: Awaited<ReturnType<typeof openDatabase>>) => Promise<T>): Promise<T> {
  const db = await openDatabase(resolveDatabaseTarget(process.env.DATABASE_URL));
  try {
    return await work(db);
  } finally {
    await db.close();
  }
}

export function migrateCommand(): Command {
  const program = new Command("migrate").description("newsgraph database migrations");

  program
    .command("apply", { isDefault: true })
    .description("apply pending migrations")
    .action(() =>
      withDatabase(async (db) => {
        const applied = await applyPendingMigrations(db);
        console.log(applied.length ? `applied ${applied.join(", ")} to ${db.target.label}` : `${db.target.label} is up to date`);
      }),
    );

  program
    .command("create")
    .argument("<name>", "migration name, e.g. add_venue_population")
    .description("create the next migration from prisma/schema.prisma")
    .action((name: string) =>
      withDatabase(async (db) => {
        if (!/^[a-z0-9_]+$/i.test(name)) throw new Error(`migration name "${name}" must be letters, digits and underscores`);
        const created = await createMigration(db.migrationAdapter(), name);
        console.log(created ? `created prisma/migrations/${created}/migration.sql` : "schema.prisma and the migrations agree: nothing to create");
      }),
    );

  program
    .command("drift")
    .description("compare the database with prisma/schema.prisma")
    .action(() =>
      withDatabase(async (db) => {
        const script = await diffDatabaseAgainstSchema(db.migrationAdapter());
        if (!script) return console.log("no drift");
        console.log(script);
        process.exitCode = 1;
      }),
    );

  return program;
}
