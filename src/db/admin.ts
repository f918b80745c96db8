// Creating and dropping PostgreSQL databases on a server: throwaway databases for the
// migrator's shadow, the tests and the benchmarks.
import pg from "pg";

/** The same server URL, naming another database. */
export function withDatabaseName(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** Runs one statement on a short-lived connection to `url`. */
async function runOnce(url: string, sql: string, values: unknown[] = []): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query(sql, values);
  } finally {
    await client.end();
  }
}

/** Creates database `name` on the server of `serverUrl` (unless `ifMissing` and it exists); returns its URL. */
export async function createDatabase(serverUrl: string, name: string, { ifMissing = false } = {}): Promise<string> {
  const exists = ifMissing && (await runOnce(serverUrl, "SELECT 1 FROM pg_database WHERE datname = $1", [name])).rowCount;
  if (!exists) await runOnce(serverUrl, `CREATE DATABASE "${name}"`);
  return withDatabaseName(serverUrl, name);
}

/** Drops database `name`, closing its connections. */
export async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  await runOnce(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
}
