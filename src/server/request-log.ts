// One structured log line per GraphQL request. Never the variables or the document: they
// may hold a whole article's text or a key.
import type { Logger } from "pino";
import { MAX_OPERATION_LABEL_LENGTH } from "./metrics.js";
import type { RequestListener } from "./request-observer.js";

export function requestLogger(log: Logger): RequestListener {
  return ({ operationName, type, outcome, seconds, method }) => {
    const line = {
      operation: operationName?.slice(0, MAX_OPERATION_LABEL_LENGTH) ?? null,
      type, outcome, method: method || undefined,
      ms: seconds === null ? undefined : Math.round(seconds * 10_000) / 10,
    };
    // Internal errors get their own error-level line with the stack (format-error.ts).
    log.info(line, "graphql request");
  };
}
