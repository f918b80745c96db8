// Refuses requests whose variables or extensions nest deeper than any input of the schema
// can: a JSON value nested 100,000 levels deep parses (JSON.parse does not recurse) but then
// overflows the stack of everything that walks it recursively (variable coercion, the cost
// estimate's cache key), which answered HTTP 500. Checked once, without recursion, before
// Apollo sees the request.
import type { RequestHandler } from "express";
import { ErrorCode } from "../error-codes.js";

/** Deepest nesting a request's variables may have; the schema's deepest input needs a handful. */
export const MAX_VARIABLES_DEPTH = 32;

/** Whether a JSON value nests objects or arrays more than `limit` levels deep (walked without recursion). */
export function nestedDeeperThan(value: unknown, limit: number): boolean {
  const pending: [unknown, number][] = [[value, 0]];
  while (pending.length) {
    const [current, depth] = pending.pop()!;
    if (current === null || typeof current !== "object") continue;
    if (depth >= limit) return true;
    for (const child of Array.isArray(current) ? current : Object.values(current)) pending.push([child, depth + 1]);
  }
  return false;
}

/** A GET request's variables or extensions: a JSON string, read as JSON (Apollo reports it when malformed). */
function fromQueryString(value: unknown): unknown {
  if (typeof value !== "string") return value;
  try {
    return JSON.parse(value);
  } catch {
    return undefined;
  }
}

export function nestingGuard(maxDepth = MAX_VARIABLES_DEPTH): RequestHandler {
  return (req, res, next) => {
    const operations: unknown[] = req.method === "GET" ? [req.query] : Array.isArray(req.body) ? req.body : [req.body];
    for (const operation of operations) {
      if (operation === null || typeof operation !== "object") continue;
      for (const part of ["variables", "extensions"] as const) {
        const value = fromQueryString((operation as Record<string, unknown>)[part]);
        if (nestedDeeperThan(value, maxDepth)) {
          res.status(400).json({
            errors: [{ message: `${part} are nested more than ${maxDepth} levels deep; no input of this API needs that many`, extensions: { code: ErrorCode.BAD_USER_INPUT, argumentName: part } }],
          });
          return;
        }
      }
    }
    next();
  };
}
