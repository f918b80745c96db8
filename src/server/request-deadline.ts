// Every GraphQL request over HTTP gets a time limit and is stopped when its client leaves:
// its statements are then cancelled in PostgreSQL (request-pool.ts), and an answer that
// ran out of time says so with code TIMEOUT. Apollo Server has no such limit of its own.
import type { GatewayExecutor } from "@apollo/server-gateway-interface";
import type { RequestHandler, Response } from "express";
import { GraphQLError } from "graphql";
import { DATABASE_ANSWERS } from "../db/database-errors.js";
import { RequestScope, runInScope } from "../db/request-scope.js";
import type { Context } from "../resolvers/context.js";

/**
 * A request's time limit: far above any answer the API gives in normal use (tens of ms),
 * short enough that a request nobody waits for any more does not hold connections.
 */
export const DEFAULT_REQUEST_TIMEOUT_MS = 15_000;

export interface RequestLimits {
  /** The time limit of one request, in ms. */
  timeoutMs: number;
  /** How many pooled connections one request may hold at once. */
  maxConnections: number;
}

/** Express middleware: opens the request's scope, aborted at the deadline or when the client goes away. */
export function requestScopes({ timeoutMs, maxConnections }: RequestLimits): RequestHandler {
  return (_req, res, next) => {
    const scope = new RequestScope(maxConnections);
    const deadline = setTimeout(() => scope.abort("deadline"), timeoutMs);
    deadline.unref();
    res.on("close", () => {
      clearTimeout(deadline);
      if (!res.writableFinished) scope.abort("disconnected");
    });
    res.locals.requestScope = scope;
    next();
  };
}

export const scopeOf = (res: Response): RequestScope | undefined => res.locals.requestScope as RequestScope | undefined;

/**
 * Runs each operation inside its request's scope (so the pool knows whose statements it
 * runs), answering TIMEOUT as soon as the request is aborted rather than when its last
 * resolver gives up.
 */
export function withRequestScope(executor: GatewayExecutor): GatewayExecutor {
  return (requestContext) => {
    const scope = (requestContext.context as Context).requestScope;
    if (!scope) return executor(requestContext);
    return runInScope(scope, () =>
      Promise.race([
        executor(requestContext),
        scope.aborted.then((aborted) => {
          const answer = DATABASE_ANSWERS[aborted.reason === "deadline" ? "timeout" : "cancelled"];
          return { data: null, errors: [new GraphQLError(answer.message, { extensions: { code: answer.code } })] };
        }),
      ]),
    );
  };
}
