// Where the database lives, decided once from DATABASE_URL.
//   unset / "pglite:./data/newsgraph"  -> embedded PGlite stored in that folder
//   "pglite:memory"                    -> embedded PGlite in memory (tests)
//   "postgresql://…" / "postgres://…"  -> PostgreSQL through node-postgres
import path from "node:path";

export type DatabaseTarget =
  | { kind: "pglite"; dataDir: string | null; label: string }
  | { kind: "postgres"; url: string; label: string };

export const DEFAULT_DATA_DIR = "./data/newsgraph";

/** Raised for configuration mistakes; its message is one line meant for a person. */
export class DatabaseConfigError extends Error {
  override name = "DatabaseConfigError";
}

export function resolveDatabaseTarget(databaseUrl: string | undefined): DatabaseTarget {
  const raw = databaseUrl?.trim();
  if (!raw) return pgliteTarget(DEFAULT_DATA_DIR);
  if (raw.startsWith("pglite:")) {
    const rest = raw.slice("pglite:".length).replace(/^\/\//, "");
    if (rest === "memory" || rest === "") return { kind: "pglite", dataDir: null, label: "embedded PGlite (in memory)" };
    return pgliteTarget(rest);
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new DatabaseConfigError(
      `DATABASE_URL is not a valid URL (${redact(raw)}): expected postgresql://USER@HOST:PORT/DB, pglite:PATH, or leave it unset for the embedded database`,
    );
  }
  if (url.protocol !== "postgresql:" && url.protocol !== "postgres:") {
    throw new DatabaseConfigError(
      `DATABASE_URL uses the unsupported scheme "${url.protocol}" (${redact(raw)}): newsgraph speaks PostgreSQL (postgresql://…) or embedded PGlite (pglite:PATH)`,
    );
  }
  if (!url.hostname) throw new DatabaseConfigError(`DATABASE_URL names no host (${redact(raw)})`);
  if (url.pathname.length <= 1) throw new DatabaseConfigError(`DATABASE_URL names no database (${redact(raw)}): add /DBNAME after the host`);
  return { kind: "postgres", url: raw, label: `PostgreSQL ${url.hostname}:${url.port || 5432}${url.pathname}` };
}

function pgliteTarget(dir: string): DatabaseTarget {
  const dataDir = path.resolve(dir);
  return { kind: "pglite", dataDir, label: `embedded PGlite at ${dataDir}` };
}

/** Hides a password in a URL so it can be logged. */
export function redact(raw: string): string {
  return raw.replace(/(\/\/[^:/@]+:)[^@]*@/, "$1***@");
}
