// The committed migrations produce exactly prisma/schema.prisma, on every database kind. They
// are applied from their SQL files at start (migration-files.ts) and recorded as Prisma's
// schema engine records them, so the engine (creating migrations, drift) finds them applied.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { applyMigrations, diffDatabaseAgainstSchema, readMigrationsList, defaultPaths } from "../src/db/migrator.js";
import { MigrationHistoryError, readCommittedMigrations } from "../src/db/migration-files.js";
import { openDatabase } from "../src/db/connection.js";
import { applyPendingMigrations } from "../src/db/open.js";
import { resolveDatabaseTarget } from "../src/db/target.js";
import { createPostgresDatabase, databaseKinds, useFreshDatabase } from "./helpers/databases.js";

describe.each(databaseKinds)("migrations on $name", (kind) => {
  const fresh = useFreshDatabase(kind);

  it("has applied every committed migration from its file, with Prisma's checksum, and the engine finds nothing left", async () => {
    const committed = readMigrationsList(defaultPaths.migrationsDir).migrationDirectories.map((d) => d.path);
    expect(committed.length).toBeGreaterThan(0);
    const rows = await fresh.current.db.prisma.$queryRaw<{ migration_name: string; checksum: string }[]>`SELECT migration_name, checksum FROM _prisma_migrations WHERE finished_at IS NOT NULL ORDER BY migration_name`;
    expect(rows.map((r) => r.migration_name)).toEqual(committed);
    expect(rows.map((r) => r.checksum)).toEqual(readCommittedMigrations(defaultPaths.migrationsDir).map((m) => m.checksum));
    expect(await applyPendingMigrations(fresh.current.db)).toEqual([]);
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

  it("applies a new migration whole or not at all, and names the one that failed", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "newsgraph-migrations-"));
    try {
      for (const m of readCommittedMigrations(defaultPaths.migrationsDir)) {
        fs.mkdirSync(path.join(dir, m.name));
        fs.copyFileSync(path.join(defaultPaths.migrationsDir, m.name, "migration.sql"), path.join(dir, m.name, "migration.sql"));
      }
      const write = (name: string, sql: string) => {
        fs.mkdirSync(path.join(dir, name));
        fs.writeFileSync(path.join(dir, name, "migration.sql"), sql);
      };
      // Its first statement succeeds, its second fails: nothing of it may stay.
      write("99990101000000_broken", `CREATE TABLE "HalfDone" (id int);\nSELECT no_such_function();\n`);
      await expect(applyPendingMigrations(fresh.current.db, dir)).rejects.toThrow(MigrationHistoryError);
      await expect(applyPendingMigrations(fresh.current.db, dir)).rejects.toThrow(/99990101000000_broken failed and was rolled back/);
      const halfDone = await fresh.current.db.prisma.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM pg_tables WHERE tablename = 'HalfDone'`;
      expect(Number(halfDone[0]!.n)).toBe(0);
      const recorded = await fresh.current.db.prisma.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM _prisma_migrations WHERE migration_name = '99990101000000_broken'`;
      expect(Number(recorded[0]!.n)).toBe(0);

      fs.writeFileSync(path.join(dir, "99990101000000_broken", "migration.sql"), `CREATE TABLE "Fixed" (id int);\nCREATE INDEX "Fixed_id" ON "Fixed" (id);\n`);
      expect(await applyPendingMigrations(fresh.current.db, dir)).toEqual(["99990101000000_broken"]);
      expect(await applyPendingMigrations(fresh.current.db, dir)).toEqual([]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
      await fresh.current.db.prisma.$executeRawUnsafe(`DROP TABLE IF EXISTS "Fixed"`);
      await fresh.current.db.prisma.$executeRawUnsafe(`DELETE FROM _prisma_migrations WHERE migration_name = '99990101000000_broken'`);
    }
  });

  it("refuses to go on from a migration that started and never finished", async () => {
    await fresh.current.db.prisma.$executeRawUnsafe(
      `INSERT INTO _prisma_migrations (id, checksum, migration_name, applied_steps_count) VALUES ('unfinished-test', 'x', '99990202000000_interrupted', 0)`,
    );
    try {
      await expect(applyPendingMigrations(fresh.current.db)).rejects.toThrow(/99990202000000_interrupted started earlier and did not finish/);
    } finally {
      await fresh.current.db.prisma.$executeRawUnsafe(`DELETE FROM _prisma_migrations WHERE id = 'unfinished-test'`);
    }
  });
});

describe.skipIf(!process.env.TEST_DATABASE_URL)("migrations applied by several processes at once (PostgreSQL)", () => {
  it("applies each migration once while four connections start together", async () => {
    const created = await createPostgresDatabase(process.env.TEST_DATABASE_URL!);
    const dbs = await Promise.all([1, 2, 3, 4].map(() => openDatabase(resolveDatabaseTarget(created.url))));
    try {
      const applied = await Promise.all(dbs.map((db) => applyPendingMigrations(db)));
      expect(applied.flat().sort()).toEqual(readCommittedMigrations(defaultPaths.migrationsDir).map((m) => m.name));
      const rows = await dbs[0]!.prisma.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM _prisma_migrations`;
      expect(Number(rows[0]!.n)).toBe(readCommittedMigrations(defaultPaths.migrationsDir).length);
    } finally {
      await Promise.all(dbs.map((db) => db.close()));
      await created.drop();
    }
  });
});
