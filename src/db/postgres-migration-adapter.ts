// A PostgreSQL adapter factory fit for Prisma's Wasm schema engine.
// Three fixes over a plain PrismaPg (see ../shared/notes/prisma-offline.md):
// - the engine reads pg_constraint.contype, of type "char" (OID 18), which adapter-pg
//   refuses ("Column type 'char' could not be deserialized"): a pg client that reports
//   such columns as text (OID 25) avoids that; the values are already strings;
// - PrismaPg's own shadow database handling connects to the main database or fails to
//   drop it, so this factory creates and drops its own throwaway shadow database;
// - PrismaPg runs a migration script statement by statement, split at every ";", which
//   cuts a function body ($$ … ; … $$) apart: here the whole script goes to PostgreSQL in
//   one simple query, which also runs it as one implicit transaction.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { createDatabase, dropDatabase } from "./admin.js";

const CHAR_OID = 18;
const TEXT_OID = 25;

type QueryResultLike = { fields?: { dataTypeID: number }[] };

function reportCharAsText<T>(result: T): T {
  for (const r of Array.isArray(result) ? result : [result]) {
    for (const field of (r as QueryResultLike)?.fields ?? []) if (field.dataTypeID === CHAR_OID) field.dataTypeID = TEXT_OID;
  }
  return result;
}

class CharAsTextClient extends pg.Client {
  // biome-ignore lint/suspicious/noExplicitAny: one override for all of pg's query overloads, whose results differ
  override query(...args: unknown[]): any {
    const pending = (super.query as (...a: unknown[]) => unknown)(...args);
    return pending instanceof Promise ? pending.then(reportCharAsText) : pending;
  }
}

// adapter-pg queries through the pool (pool.query) and, in transactions, through its clients.
class CharAsTextPool extends pg.Pool {
  // biome-ignore lint/suspicious/noExplicitAny: one override for all of pg's query overloads, whose results differ
  override query(...args: unknown[]): any {
    const pending = (super.query as (...a: unknown[]) => unknown)(...args);
    return pending instanceof Promise ? pending.then(reportCharAsText) : pending;
  }
}

function poolFor(url: string): pg.Pool {
  const pool = new CharAsTextPool({ connectionString: url, max: 2, Client: CharAsTextClient });
  pool.on("error", () => {});
  return pool;
}

/** The adapter, running each script whole on `pool` (see the top of this file). */
function withWholeScripts(adapter: SqlDriverAdapter, pool: pg.Pool): SqlDriverAdapter {
  return new Proxy(adapter, {
    get(target, prop, receiver) {
      if (prop !== "executeScript") return Reflect.get(target, prop, receiver);
      return async (script: string) => {
        try {
          await pool.query(script);
        } catch (error) {
          // PrismaPg's own conversion into the error the schema engine understands.
          (target as unknown as { onError(error: unknown): never }).onError(error);
        }
      };
    },
  });
}

async function connectedAdapter(url: string): Promise<SqlDriverAdapter> {
  const pool = poolFor(url);
  return withWholeScripts(await new PrismaPg(pool, { disposeExternalPool: true }).connect(), pool);
}

export function postgresMigrationAdapter(url: string): SqlMigrationAwareDriverAdapterFactory {
  // Only for its names: each connection makes its own pool (connectedAdapter).
  const main = new PrismaPg({ connectionString: url });
  return {
    provider: main.provider,
    adapterName: main.adapterName,
    connect: () => connectedAdapter(url),
    async connectToShadowDb(): Promise<SqlDriverAdapter> {
      const name = `prisma_migrate_shadow_db_${randomUUID().replace(/-/g, "")}`;
      const shadow = await connectedAdapter(await createDatabase(url, name));
      return new Proxy(shadow, {
        get(target, prop, receiver) {
          if (prop !== "dispose") return Reflect.get(target, prop, receiver);
          return async () => {
            await target.dispose();
            await dropDatabase(url, name);
          };
        },
      }) as SqlDriverAdapter;
    },
  };
}
