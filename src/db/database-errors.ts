// What went wrong with a database call, in the few kinds a client can act on. The drivers
// (pg, PGlite) and Prisma each wrap PostgreSQL's errors their own way; this reads through
// the wrappers to the SQLSTATE or the driver's code, so the server can answer a kind, and
// never the driver's text.
import { ErrorCode } from "../error-codes.js";

/** Thrown when a request would run a statement after its deadline passed or its client left. */
export class RequestAbortedError extends Error {
  override name = "RequestAbortedError";
  constructor(readonly reason: "deadline" | "disconnected") {
    super(reason === "deadline" ? "the request ran past its time limit" : "the client went away");
  }
}

/** Thrown when no pooled connection came free in time: the server is busy, the database may be fine. */
export class PoolBusyError extends Error {
  override name = "PoolBusyError";
  constructor(waitedMs: number) {
    super(`no database connection came free within ${waitedMs} ms`);
  }
}

export type DatabaseErrorKind =
  /** The database does not answer (down, restarting, refusing connections, network cut). */
  | "unreachable"
  /** Every pooled connection stayed busy for the whole wait. */
  | "busy"
  /** A statement ran past statement_timeout, or the request past its deadline. */
  | "timeout"
  /** The request's statements were cancelled because its client went away. */
  | "cancelled"
  /** Any other error from the database or its drivers (a query fault, data it refused). */
  | "database";

const UNREACHABLE_CODES = new Set([
  // Prisma: cannot reach / timed out reaching / connection closed.
  "P1001", "P1002", "P1017",
  "ECONNREFUSED", "ECONNRESET", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ETIMEDOUT", "EPIPE",
  // PostgreSQL: admin shutdown, crash shutdown, cannot connect now (starting or stopping).
  "57P01", "57P02", "57P03",
]);
const UNREACHABLE_TEXT = /ECONNREFUSED|ECONNRESET|Connection terminated|server closed the connection|connection (?:is )?closed|Can't reach database|DatabaseNotReachable|ConnectionClosed|Client has encountered a connection error/i;
const PRISMA_ERROR = /^PrismaClient\w*Error$/;
/** A SQLSTATE as Prisma writes it into a message ("Raw query failed. Code: `22P05`", "Database error. Code: 57P03"). */
const CODE_IN_TEXT = /Code: `?([0-9A-Z]{5})\b/;

interface ErrorLike {
  name?: string;
  code?: unknown;
  message?: unknown;
  severity?: unknown;
  cause?: unknown;
  originalError?: unknown;
  originalCode?: unknown;
  meta?: { code?: unknown; driverAdapterError?: unknown };
}

/** The errors wrapped inside `error` (GraphQL's originalError, causes, Prisma's driver adapter error), outermost first. */
function* chain(error: unknown): Generator<ErrorLike> {
  const queue: unknown[] = [error];
  for (let seen = 0; queue.length && seen < 12; seen++) {
    const e = queue.shift();
    if (!e || typeof e !== "object") continue;
    const x = e as ErrorLike;
    yield x;
    queue.push(x.originalError, x.cause, x.meta?.driverAdapterError);
  }
}

/** The codes an error carries along its chain: SQLSTATEs, Prisma's P codes and Node's socket codes. */
function codesOf(error: unknown): { codes: string[]; isDatabase: boolean } {
  const codes: string[] = [];
  let isDatabase = false;
  for (const e of chain(error)) {
    if ((e as unknown) instanceof RequestAbortedError || (e as unknown) instanceof PoolBusyError) isDatabase = true;
    for (const code of [e.code, e.originalCode, e.meta?.code]) if (typeof code === "string") codes.push(code);
    const text = typeof e.message === "string" ? e.message : "";
    const inText = CODE_IN_TEXT.exec(text)?.[1];
    if (inText) codes.push(inText);
    // pg's DatabaseError carries a severity; Prisma's errors are named PrismaClient…Error.
    if (typeof e.severity === "string" || PRISMA_ERROR.test(e.name ?? "") || UNREACHABLE_TEXT.test(text)) isDatabase = true;
  }
  return { codes, isDatabase };
}

/** The kind of a database error, or null when `error` did not come from the database or its drivers. */
export function databaseErrorKind(error: unknown): DatabaseErrorKind | null {
  for (const e of chain(error)) {
    if (e instanceof RequestAbortedError) return e.reason === "deadline" ? "timeout" : "cancelled";
    if (e instanceof PoolBusyError) return "busy";
  }
  const { codes, isDatabase } = codesOf(error);
  const texts = [...chain(error)].map((e) => (typeof e.message === "string" ? e.message : "")).join("\n");
  // pg-pool's words for a wait in its queue that ran out (every connection busy).
  if (/timeout exceeded when trying to connect/i.test(texts)) return "busy";
  if (codes.some((code) => UNREACHABLE_CODES.has(code) || code.startsWith("08")) || UNREACHABLE_TEXT.test(texts)) return "unreachable";
  // 57014 query_canceled: statement_timeout, or a cancel this server sent (deadline, client gone).
  if (codes.includes("57014") || /canceling statement due to/i.test(texts)) return /user request/i.test(texts) ? "cancelled" : "timeout";
  return isDatabase || codes.some((code) => /^[0-9A-Z]{5}$/.test(code) && /\d/.test(code)) ? "database" : null;
}

/** What a client is told for each kind of database error that is not a fault of the server's. */
export const DATABASE_ANSWERS: Record<Exclude<DatabaseErrorKind, "database">, { code: ErrorCode; message: string }> = {
  unreachable: { code: ErrorCode.SERVICE_UNAVAILABLE, message: "the database is not reachable right now: try again shortly" },
  busy: { code: ErrorCode.SERVICE_UNAVAILABLE, message: "the server is busy: no database connection came free in time, try again shortly" },
  timeout: { code: ErrorCode.TIMEOUT, message: "the request ran past its time limit: ask for less at once (fewer aliases, smaller pages)" },
  cancelled: { code: ErrorCode.TIMEOUT, message: "the request was cancelled before it finished" },
};
