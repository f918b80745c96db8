// Transactions on the driver itself (a pg pool connection, or PGlite), for the batch ingest's
// writes. They run the same SQL as the Prisma client's ($queryRaw and $executeRaw with
// Prisma.sql templates), so store.ts's statements serve both; only the client's own work
// is saved: compiling, logging and mapping every statement cost about 6 ms of the main
// thread per article (docs/performance.md), more than the database spent on it.
import type { PGlite, Transaction as PgliteTransaction } from "@electric-sql/pglite";
import type pg from "pg";
import { Prisma } from "../generated/prisma/client.js";
import { statementName } from "./sql-reader.js";

/** The part of Prisma's transaction client that hand-written SQL uses. */
export interface SqlTransaction {
  $queryRaw<T = unknown>(query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]): PromiseLike<T>;
  $executeRaw(query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]): PromiseLike<number>;
}

/** Runs `work` in one transaction on the driver: committed when it resolves, rolled back when it throws. */
export type RawTransactionRunner = <T>(work: (tx: SqlTransaction) => Promise<T>) => Promise<T>;

type Run = (text: string, values: unknown[]) => Promise<{ rows: unknown[]; affectedRows: number }>;

/** Dates as ISO strings, as the Prisma client sends them. */
const driverValue = (value: unknown) => (value instanceof Date ? value.toISOString() : value);

function sqlTransaction(run: Run): SqlTransaction {
  const statement = (query: TemplateStringsArray | Prisma.Sql, values: unknown[]) => {
    const sql = query instanceof Prisma.Sql ? query : Prisma.sql(query, ...values);
    return run(sql.text, sql.values.map(driverValue));
  };
  return {
    $queryRaw: async <T>(query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]) => (await statement(query, values)).rows as T,
    $executeRaw: async (query, ...values) => (await statement(query, values)).affectedRows,
  };
}

export function pgRawTransactions(pool: pg.Pool): RawTransactionRunner {
  return async (work) => {
    const client = await pool.connect();
    let broken: Error | undefined;
    try {
      await client.query("BEGIN");
      try {
        // Named: each connection parses and plans the batch's few statement texts once.
        const result = await work(sqlTransaction(async (text, values) => {
          const r = await client.query({ name: statementName(text), text, values });
          return { rows: r.rows, affectedRows: r.rowCount ?? 0 };
        }));
        await client.query("COMMIT");
        return result;
      } catch (error) {
        await client.query("ROLLBACK").catch((rollbackError: Error) => (broken = rollbackError));
        throw error;
      }
    } finally {
      // A connection that could not even roll back is not given back to the pool.
      client.release(broken);
    }
  };
}

export function pgliteRawTransactions(pglite: PGlite): RawTransactionRunner {
  return (work) => pglite.transaction((tx: PgliteTransaction) => work(sqlTransaction(async (text, values) => {
    const r = await tx.query(text, values);
    return { rows: r.rows, affectedRows: r.affectedRows ?? 0 };
  })));
}
