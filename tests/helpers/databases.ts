// The databases every suite runs on: always the embedded PGlite (in memory), and PostgreSQL
// too when TEST_DATABASE_URL names a server. Each test file gets its own fresh database,
// dropped afterwards, so runs never see each other's data.
import { randomBytes } from "node:crypto";
import { createDatabase, dropDatabase } from "../../src/db/admin.js";
import pino from "pino";
import { afterAll, beforeAll } from "vitest";
import type { Database } from "../../src/db/connection.js";
import { openMigratedDatabase } from "../../src/db/open.js";

export interface TestDatabaseKind {
  name: "pglite" | "postgres";
  /** Creates a fresh, migrated database; `drop` removes it. */
  create(): Promise<{ db: Database; url: string; drop(): Promise<void> }>;
}

export const quietLog = pino({ level: "silent" });

/** Creates an empty PostgreSQL database on TEST_DATABASE_URL's server; returns its URL and a drop. */
export async function createPostgresDatabase(serverUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `newsgraph_test_${Date.now()}_${randomBytes(4).toString("hex")}`;
  return { url: await createDatabase(serverUrl, name), drop: () => dropDatabase(serverUrl, name) };
}

export const databaseKinds: TestDatabaseKind[] = [
  {
    name: "pglite",
    async create() {
      const db = await openMigratedDatabase("pglite:memory", quietLog);
      return { db, url: "pglite:memory", drop: async () => {} };
    },
  },
  ...(process.env.TEST_DATABASE_URL
    ? [
        {
          name: "postgres" as const,
          async create() {
            const created = await createPostgresDatabase(process.env.TEST_DATABASE_URL!);
            const db = await openMigratedDatabase(created.url, quietLog);
            return { db, url: created.url, drop: created.drop };
          },
        },
      ]
    : []),
];

/**
 * Registers beforeAll/afterAll hooks that give the enclosing suite one fresh, migrated
 * database of this kind; read it from the returned holder inside tests.
 */
export function useFreshDatabase(kind: TestDatabaseKind): { current: Awaited<ReturnType<TestDatabaseKind["create"]>> } {
  const holder = {} as { current: Awaited<ReturnType<TestDatabaseKind["create"]>> };
  beforeAll(async () => {
    holder.current = await kind.create();
  });
  afterAll(async () => {
    await holder.current?.db.close();
    await holder.current?.drop();
  });
  return holder;
}
