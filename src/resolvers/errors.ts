// Errors a client can act on carry an extensions.code (GraphQL convention).
import { GraphQLError } from "graphql";

export function badInput(message: string, argumentName?: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: "BAD_USER_INPUT", ...(argumentName ? { argumentName } : {}) } });
}

/** Checks a numeric argument against its bounds before any database work. */
export function inRange(value: number, argumentName: string, min: number, max: number): number {
  if (value < min || value > max) throw badInput(`${argumentName} must be between ${min} and ${max}, got ${value}`, argumentName);
  return value;
}

export function notFound(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: "NOT_FOUND" } });
}
