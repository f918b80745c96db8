// Expected errors (with an extensions.code a client can act on) pass through; anything
// else is an internal error: logged with an id, and in production shown to clients only as that id.
import { randomUUID } from "node:crypto";
import type { GraphQLFormattedError } from "graphql";
import type { Logger } from "pino";

const CLIENT_CODES = new Set([
  "BAD_USER_INPUT", "NOT_FOUND", "GRAPHQL_PARSE_FAILED", "GRAPHQL_VALIDATION_FAILED", "BAD_REQUEST",
  "PERSISTED_QUERY_NOT_FOUND", "PERSISTED_QUERY_NOT_SUPPORTED", "OPERATION_RESOLUTION_FAILURE", "UNAUTHENTICATED", "FORBIDDEN",
  "QUERY_TOO_COMPLEX", "QUERY_TOO_DEEP", "INGEST_FAILED",
]);

export function errorFormatter(log: Logger, production: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = formatted.extensions?.code;
    if (typeof code === "string" && CLIENT_CODES.has(code)) return formatted;
    const errorId = randomUUID();
    log.error({ err: (error as { originalError?: unknown })?.originalError ?? error, errorId, path: formatted.path }, "internal error");
    const extensions = { code: "INTERNAL_SERVER_ERROR", errorId };
    return production
      ? { message: `Internal server error (id ${errorId})`, path: formatted.path, locations: formatted.locations, extensions }
      : { ...formatted, extensions: { ...formatted.extensions, ...extensions } };
  };
}
