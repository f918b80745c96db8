// The `extensions.code` values clients can act on: the one list of them. Free of imports so
// that every layer (resolvers, server) can use it.
export const ErrorCode = {
  BAD_USER_INPUT: "BAD_USER_INPUT",
  NOT_FOUND: "NOT_FOUND",
  GRAPHQL_PARSE_FAILED: "GRAPHQL_PARSE_FAILED",
  GRAPHQL_VALIDATION_FAILED: "GRAPHQL_VALIDATION_FAILED",
  BAD_REQUEST: "BAD_REQUEST",
  PERSISTED_QUERY_NOT_FOUND: "PERSISTED_QUERY_NOT_FOUND",
  PERSISTED_QUERY_NOT_SUPPORTED: "PERSISTED_QUERY_NOT_SUPPORTED",
  OPERATION_RESOLUTION_FAILURE: "OPERATION_RESOLUTION_FAILURE",
  UNAUTHENTICATED: "UNAUTHENTICATED",
  FORBIDDEN: "FORBIDDEN",
  QUERY_TOO_COMPLEX: "QUERY_TOO_COMPLEX",
  QUERY_TOO_DEEP: "QUERY_TOO_DEEP",
  INGEST_FAILED: "INGEST_FAILED",
  /** The database cannot be reached, or the server has no connection free for the request: retry later. */
  SERVICE_UNAVAILABLE: "SERVICE_UNAVAILABLE",
  /** The request ran past its time limit (REQUEST_TIMEOUT_MS or a statement's DATABASE_STATEMENT_TIMEOUT_MS). */
  TIMEOUT: "TIMEOUT",
  /** A fault of the server's, shown with an id that is also in the log. */
  INTERNAL_SERVER_ERROR: "INTERNAL_SERVER_ERROR",
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];
