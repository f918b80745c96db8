// Opens a database for a target: a Prisma client plus what the migrator needs.
import fs from "node:fs";
import os from "node:os";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaPg } from "@prisma/adapter-pg";
import type pg from "pg";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaClient } from "../generated/prisma/client.js";
import { positiveInteger } from "../setting-values.js";
import { DatabaseConfigError, type DatabaseTarget } from "./target.js";
import { ControlConnection } from "./control-connection.js";
import { pgliteMigrationSession, postgresMigrationSession, type MigrationSession } from "./migration-files.js";
import { lockDataFolder } from "./pglite-lock.js";
import { postgresMigrationAdapter } from "./postgres-migration-adapter.js";
import { RequestAwarePool } from "./request-pool.js";
import { pgliteReader, poolReader, type SqlReader } from "./sql-reader.js";
import { pgliteRawTransactions, pgRawTransactions, type RawTransactionRunner } from "./raw-transaction.js";

export interface Database extends SqlReader {
  target: DatabaseTarget;
  prisma: PrismaClient;
  /** Adapter factory for Prisma's schema engine (migrations, drift checks). */
  migrationAdapter(): SqlMigrationAwareDriverAdapterFactory;
  /** A connection for applying the committed migrations (migration-files.ts); close it after. */
  migrationSession(): Promise<MigrationSession>;
  /**
   * Calls `listener` with every SQL statement sent (by the Prisma client or `query`), until the returned
   * function is called (for the N+1 tests and the benchmarks' statements per request).
   */
  onStatement(listener: (sql: string) => void): () => void;
  /** A transaction on the driver, without the Prisma client (the batch ingest's writes: raw-transaction.ts). */
  rawTransaction: RawTransactionRunner;
  /** Answers whether the database responds right now (not waiting for a pooled connection). */
  ping(): Promise<boolean>;
  /** The connection pool's load, where there is one (PostgreSQL). */
  poolStatus?(): { size: number; max: number; inUse: number; waiting: number };
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /**
   * PostgreSQL's statement_timeout for every pooled connection, in ms: a statement running
   * longer is stopped by PostgreSQL itself. Unset: none (the CLI, the worker, migrations).
   */
  statementTimeoutMs?: number;
}

export async function openDatabase(target: DatabaseTarget, options: DatabaseOptions = {}): Promise<Database> {
  return target.kind === "pglite" ? openPglite(target) : openPostgres(target, options);
}

/**
 * PostgreSQL's buffer cache inside PGlite. initdb writes PostgreSQL's default, 128MB, which
 * PGlite's WebAssembly memory is grown to hold at start and never gives back (figures in
 * docs/performance.md). The embedded database is for trying the project and small archives,
 * whose files the operating system caches anyway (a buffer miss is one read() of 8 kB);
 * PostgreSQL is the database for large ones.
 */
const PGLITE_SHARED_BUFFERS = "16MB";

async function openPglite(target: Extract<DatabaseTarget, { kind: "pglite" }>): Promise<Database> {
  if (target.dataDir) fs.mkdirSync(target.dataDir, { recursive: true });
  // One process per folder: a second one would silently lose its writes (pglite-lock.ts).
  const lock = target.dataDir ? lockDataFolder(target.dataDir, target.label) : null;
  let pglite: PGlite;
  try {
    pglite = await PGlite.create(target.dataDir ?? undefined, { startParams: [...PGlite.defaultStartParams, "-c", `shared_buffers=${PGLITE_SHARED_BUFFERS}`] });
  } catch (error) {
    lock?.release();
    throw new DatabaseConfigError(`cannot open ${target.label}: ${(error as Error).message}`);
  }
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite), log: [{ emit: "event", level: "query" }] });
  const statements = statementListeners(prisma);
  return {
    target,
    prisma,
    ...pgliteReader(pglite, statements.emit),
    onStatement: statements.add,
    rawTransaction: pgliteRawTransactions(pglite),
    migrationAdapter: () => new PrismaPGlite(pglite),
    migrationSession: async () => pgliteMigrationSession(pglite),
    ping: async () => {
      await pglite.query("select 1");
      return true;
    },
    close: async () => {
      try {
        await prisma.$disconnect();
        // $disconnect leaves PGlite open (and the process alive): close it ourselves.
        if (!pglite.closed) await pglite.close();
      } finally {
        lock?.release();
      }
    },
  };
}

/**
 * PostgreSQL connections per server process: DATABASE_POOL_SIZE, or twice the cores. More
 * statements at once than the cores can run only wait for them inside PostgreSQL, all
 * stretched together: on 2 cores, 4 connections instead of pg's 10 answered the article page
 * 12% faster and cut a search's p99 from 42 to 33 ms. A database with cores of its own, or
 * several servers sharing one, is what the setting is for.
 */
export const poolSize = (env: NodeJS.ProcessEnv = process.env) => positiveInteger(env, "DATABASE_POOL_SIZE", 2 * os.availableParallelism());

/** How long a statement waits for a pooled connection before it is answered "busy". */
const POOL_WAIT_MS = 5_000;

async function openPostgres(target: Extract<DatabaseTarget, { kind: "postgres" }>, { statementTimeoutMs }: DatabaseOptions): Promise<Database> {
  const control = new ControlConnection({ connectionString: target.url });
  const pool = new RequestAwarePool({
    connectionString: target.url,
    max: poolSize(),
    connectionTimeoutMillis: POOL_WAIT_MS,
    // Sent with the connection's start-up, so an `options` parameter in DATABASE_URL keeps it.
    ...(statementTimeoutMs ? { statement_timeout: statementTimeoutMs } : {}),
    // The reads are named prepared statements (sql-reader.ts). PostgreSQL would plan a page
    // statement afresh on every execution: with LIMIT and OFFSET as parameters, the generic
    // plan's estimate (a tenth of the table) always looks dearer than a custom plan for 21
    // rows, and planning cost about 0.3 ms of a 1.4 ms page statement. The statements write
    // a filter into their text only when it is given, so one plan per text fits all its
    // executions. Prisma's statements are unnamed, planned per execution either way.
    // random_page_cost 1.1 (PostgreSQL's default 4 prices a disk seek): the data a request
    // reads sits in memory, and at 4 the plan for one person's quotes or articles hashes
    // all 5,000 articles' index, even with the one key written as a scalar (keyIn), where
    // 70 key lookups cost a third (0.45 against 1.3 ms).
    // An `options` parameter in DATABASE_URL takes the place of this one.
    options: "-c plan_cache_mode=force_generic_plan -c random_page_cost=1.1",
  }, control);
  // A pool emits "error" when an idle connection dies (server restart): keep the process alive.
  pool.on("error", () => {});
  await checkReachable(pool, target).catch(async (error) => {
    await control.close();
    throw error;
  });
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool), log: [{ emit: "event", level: "query" }] });
  const statements = statementListeners(prisma);
  return {
    target,
    prisma,
    ...poolReader(pool, statements.emit),
    onStatement: statements.add,
    rawTransaction: pgRawTransactions(pool),
    migrationAdapter: () => postgresMigrationAdapter(target.url),
    migrationSession: () => postgresMigrationSession(target.url),
    ping: () => control.ping(),
    poolStatus: () => pool.status(),
    close: async () => {
      await prisma.$disconnect();
      await pool.end();
      await control.close();
    },
  };
}

/** Fans the statements sent (Prisma's query events and the direct reads) out to the listeners registered at the moment. */
function statementListeners(prisma: PrismaClient): { add: Database["onStatement"]; emit: (sql: string) => void } {
  const listeners = new Set<(sql: string) => void>();
  const emit = (sql: string) => {
    for (const listener of listeners) listener(sql);
  };
  (prisma as unknown as { $on(event: "query", cb: (e: { query: string }) => void): void }).$on("query", (event) => emit(event.query));
  return {
    emit,
    add: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

async function checkReachable(pool: pg.Pool, target: DatabaseTarget): Promise<void> {
  try {
    await pool.query("select 1");
  } catch (error) {
    await pool.end().catch(() => {});
    throw new DatabaseConfigError(`cannot connect to ${target.label}: ${describePgError(error)}`);
  }
}

/** One line for the usual ways a PostgreSQL connection fails. */
export function describePgError(error: unknown): string {
  const e = error as { code?: string; message?: string; errors?: { message?: string }[] };
  const inner = e.errors?.map((x) => x.message).join("; ");
  switch (e.code) {
    case "ECONNREFUSED":
      return `connection refused (is PostgreSQL running?)`;
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return `host not found`;
    case "3D000":
      return `${e.message} (create it with: createdb NAME)`;
    case "28P01":
    case "28000":
      return `authentication failed: ${e.message}`;
    default:
      return (inner || e.message || String(error)).split("\n")[0];
  }
}
