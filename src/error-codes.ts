// The `extensions.code` values clients can act on: the one list of them, each one that this
// server or Apollo Server answers with. Free of imports so that every layer can use it;
// tests/error-codes.test.ts keeps code literals out of the rest of src/.
export const ErrorCode = {
  BAD_USER_INPUT: "BAD_USER_INPUT",
  NOT_FOUND: "NOT_FOUND",
  // Apollo Server's own: a query that does not parse or validate (the depth limit is a
  // validation rule), a malformed request, an unknown persisted query, a missing operation.
  GRAPHQL_PARSE_FAILED: "GRAPHQL_PARSE_FAILED",
  GRAPHQL_VALIDATION_FAILED: "GRAPHQL_VALIDATION_FAILED",
  BAD_REQUEST: "BAD_REQUEST",
  PERSISTED_QUERY_NOT_FOUND: "PERSISTED_QUERY_NOT_FOUND",
  OPERATION_RESOLUTION_FAILURE: "OPERATION_RESOLUTION_FAILURE",
  UNAUTHENTICATED: "UNAUTHENTICATED",
  FORBIDDEN: "FORBIDDEN",
  QUERY_TOO_COMPLEX: "QUERY_TOO_COMPLEX",
  /** The database cannot be reached, or the server has no connection free for the request: retry later. */
  SERVICE_UNAVAILABLE: "SERVICE_UNAVAILABLE",
  /** The request ran past its time limit (REQUEST_TIMEOUT_MS or a statement's DATABASE_STATEMENT_TIMEOUT_MS). */
  TIMEOUT: "TIMEOUT",
  /** A fault of the server's, shown with an id that is also in the log. */
  INTERNAL_SERVER_ERROR: "INTERNAL_SERVER_ERROR",
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];
