// Expected errors (with an extensions.code a client can act on) pass through. Errors from
// the database or its drivers are answered by kind (unreachable, busy, timed out) in words
// of this server's, never the driver's. Anything else is an internal error: logged with an
// id, and in production shown to clients only as that id.
import { randomUUID } from "node:crypto";
import type { GraphQLFormattedError } from "graphql";
import type { Logger } from "pino";
import { DATABASE_ANSWERS, databaseErrorKind } from "../db/database-errors.js";
import { ErrorCode } from "../error-codes.js";

const CLIENT_CODES = new Set<string>(Object.values(ErrorCode).filter((code) => code !== ErrorCode.INTERNAL_SERVER_ERROR));

const originalOf = (error: unknown) => (error as { originalError?: unknown })?.originalError ?? error;

export function errorFormatter(log: Logger, production: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = formatted.extensions?.code;
    if (typeof code === "string" && CLIENT_CODES.has(code)) return formatted;
    const kind = databaseErrorKind(error);
    const where = { path: formatted.path, locations: formatted.locations };
    if (kind && kind !== "database") {
      const answer = DATABASE_ANSWERS[kind];
      log.warn({ err: originalOf(error), path: formatted.path, kind }, kind === "unreachable" ? "database unreachable" : `database ${kind}`);
      return { message: answer.message, ...where, extensions: { code: answer.code } };
    }
    const errorId = randomUUID();
    log.error({ err: originalOf(error), errorId, path: formatted.path }, "internal error");
    const extensions = { code: ErrorCode.INTERNAL_SERVER_ERROR, errorId };
    // The database's own words (table names, values, SQL) stay in the log, in every mode.
    if (production || kind === "database") return { message: `Internal server error (id ${errorId})`, ...where, extensions };
    return { ...formatted, extensions: { ...formatted.extensions, ...extensions } };
  };
}
