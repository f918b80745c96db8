// Read statements sent straight to the driver (the pg pool or PGlite), beside the Prisma
// client. The API's reads are hand-written SQL already; going through the client's
// $queryRaw cost about a millisecond of compilation and mapping per statement, which is
// most of a page request's time. Writes keep Prisma's client and its transactions.
import { createHash } from "node:crypto";
import type { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import type { Prisma } from "../generated/prisma/client.js";
import { currentScope } from "./request-scope.js";

export interface SqlReader {
  /** Runs one read statement and answers its rows, with the column types as the schema has them. */
  query<T>(sql: Prisma.Sql): Promise<T[]>;
}

const TIMESTAMP = 1114;

/**
 * `timestamp without time zone` columns hold UTC (as Prisma writes them); both drivers
 * would read them as local time.
 */
function parseUtcTimestamp(value: string): Date {
  return new Date(`${value.replace(" ", "T")}Z`);
}

/** Dates as ISO strings: the drivers would send them in local time, which a plain timestamp keeps as is. */
function driverValues(values: unknown[]): unknown[] {
  return values.map((value) => (value instanceof Date ? value.toISOString() : value));
}

const pgTypes = {
  getTypeParser: ((oid: number, format?: string) =>
    oid === TIMESTAMP ? parseUtcTimestamp : pg.types.getTypeParser(oid, format as "text")) as typeof pg.types.getTypeParser,
};

/**
 * Names each statement text, so that every pool connection parses and plans it once and
 * then only binds values: the API's statements are a fixed set of templates, and planning
 * a page statement costs about as much as running it.
 */
export function statementName(text: string): string {
  let name = statementNames.get(text);
  if (!name) {
    name = `ng_${createHash("sha1").update(text).digest("base64url").slice(0, 20)}`;
    statementNames.set(text, name);
  }
  return name;
}
const statementNames = new Map<string, string>();

export function poolReader(pool: pg.Pool, onSql: (sql: string) => void): SqlReader {
  return {
    async query<T>(sql: Prisma.Sql) {
      const text = sql.text;
      onSql(text);
      const result = await pool.query({ name: statementName(text), text, values: driverValues(sql.values), types: pgTypes });
      return result.rows as T[];
    },
  };
}

export function pgliteReader(pglite: PGlite, onSql: (sql: string) => void): SqlReader {
  const parsers = { [TIMESTAMP]: parseUtcTimestamp };
  return {
    async query<T>(sql: Prisma.Sql) {
      // PGlite runs one statement at a time inside this process and cannot be interrupted
      // mid-statement: a request past its deadline or left by its client starts no more.
      currentScope()?.throwIfAborted();
      onSql(sql.text);
      const result = await pglite.query<T>(sql.text, driverValues(sql.values), { parsers });
      return result.rows;
    },
  };
}
