// Expected errors (with an extensions.code a client can act on) pass through; anything
// else is an internal error: logged with an id, and in production shown to clients only as that id.
import { randomUUID } from "node:crypto";
import type { GraphQLFormattedError } from "graphql";
import type { Logger } from "pino";

const CLIENT_CODES = new Set([
  "BAD_USER_INPUT", "NOT_FOUND", "GRAPHQL_PARSE_FAILED", "GRAPHQL_VALIDATION_FAILED", "BAD_REQUEST",
  "PERSISTED_QUERY_NOT_FOUND", "PERSISTED_QUERY_NOT_SUPPORTED", "OPERATION_RESOLUTION_FAILURE", "UNAUTHENTICATED", "FORBIDDEN",
  "QUERY_TOO_COMPLEX", "QUERY_TOO_DEEP", "INGEST_FAILED", "SERVICE_UNAVAILABLE",
]);

/** Whether an error says the database cannot be reached (down, restarting, network cut). */
export function isDatabaseUnreachable(error: unknown): boolean {
  for (let e = error as { code?: string; message?: string; cause?: unknown; originalError?: unknown } | undefined, depth = 0; e && depth < 6; depth++) {
    if (["P1001", "P1002", "P1017", "ECONNREFUSED", "ECONNRESET", "57P01", "57P03", "08006", "08001"].includes(String(e.code))) return true;
    if (/ECONNREFUSED|ECONNRESET|Connection terminated|server closed the connection|connection (?:is )?closed|Can't reach database|DatabaseNotReachable|ConnectionClosed|timeout exceeded when trying to connect/i.test(e.message ?? "")) return true;
    e = (e.originalError ?? e.cause) as typeof e;
  }
  return false;
}

export function errorFormatter(log: Logger, production: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = formatted.extensions?.code;
    if (typeof code === "string" && CLIENT_CODES.has(code)) return formatted;
    if (isDatabaseUnreachable(error)) {
      log.warn({ err: (error as { originalError?: unknown })?.originalError ?? error, path: formatted.path }, "database unreachable");
      return { message: "the database is not reachable right now: try again shortly", path: formatted.path, locations: formatted.locations, extensions: { code: "SERVICE_UNAVAILABLE" } };
    }
    const errorId = randomUUID();
    log.error({ err: (error as { originalError?: unknown })?.originalError ?? error, errorId, path: formatted.path }, "internal error");
    const extensions = { code: "INTERNAL_SERVER_ERROR", errorId };
    return production
      ? { message: `Internal server error (id ${errorId})`, path: formatted.path, locations: formatted.locations, extensions }
      : { ...formatted, extensions: { ...formatted.extensions, ...extensions } };
  };
}
