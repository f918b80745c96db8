// The committed migrations produce exactly prisma/schema.prisma, on every database kind.
import { describe, expect, it } from "vitest";
import { applyMigrations, diffDatabaseAgainstSchema, readMigrationsList, defaultPaths } from "../src/db/migrator.js";
import { databaseKinds, useFreshDatabase } from "./helpers/databases.js";

describe.each(databaseKinds)("migrations on $name", (kind) => {
  const fresh = useFreshDatabase(kind);

  it("has applied every committed migration and has nothing left to apply", async () => {
    const committed = readMigrationsList(defaultPaths.migrationsDir).migrationDirectories.map((d) => d.path);
    expect(committed.length).toBeGreaterThan(0);
    const rows = await fresh.current.db.prisma.$queryRaw<{ migration_name: string }[]>`SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL ORDER BY migration_name`;
    expect(rows.map((r) => r.migration_name)).toEqual(committed);
    expect(await applyMigrations(fresh.current.db.migrationAdapter())).toEqual([]);
  });

  it("leaves no drift between the database and schema.prisma", async () => {
    expect(await diffDatabaseAgainstSchema(fresh.current.db.migrationAdapter())).toBe("");
  });

  it("reports drift when the database is changed by hand", async () => {
    await fresh.current.db.prisma.$executeRawUnsafe(`ALTER TABLE "Venue" ADD COLUMN "handAdded" integer`);
    try {
      expect(await diffDatabaseAgainstSchema(fresh.current.db.migrationAdapter())).toMatch(/handAdded/);
    } finally {
      await fresh.current.db.prisma.$executeRawUnsafe(`ALTER TABLE "Venue" DROP COLUMN "handAdded"`);
    }
  });
});
