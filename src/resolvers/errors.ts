// Errors a client can act on carry an extensions.code (GraphQL convention).
import { randomUUID } from "node:crypto";
import { GraphQLError } from "graphql";
import type { Logger } from "pino";
import { DATABASE_ANSWERS, databaseErrorKind } from "../db/database-errors.js";
import { ErrorCode } from "../error-codes.js";

export function badInput(message: string, argumentName?: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.BAD_USER_INPUT, ...(argumentName ? { argumentName } : {}) } });
}

/**
 * The reason given for an item of a batch that failed through no fault of its input (the
 * database, a bug): what kind of failure, never the database's words, which are logged
 * with the id shown.
 */
export function storeFailure(cause: unknown, log: Logger): string {
  const kind = databaseErrorKind(cause);
  if (kind && kind !== "database") return DATABASE_ANSWERS[kind].message;
  const errorId = randomUUID();
  log.error({ err: cause, errorId }, "internal error");
  return `not stored: internal server error (id ${errorId})`;
}

/** Checks a numeric argument against its bounds before any database work. */
export function inRange(value: number, argumentName: string, min: number, max: number): number {
  if (value < min || value > max) throw badInput(`${argumentName} must be between ${min} and ${max}, got ${value}`, argumentName);
  return value;
}

export function notFound(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.NOT_FOUND } });
}
