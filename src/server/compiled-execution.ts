// Runs queries compiled to JavaScript by graphql-jit instead of interpreted by graphql-js.
// graphql-js walks the document for every field of every item, and on a page of 20
// articles with their quotes, speakers and persons (some 700 fields) that walk cost about
// as much as all the rest of the request. A compiled query does the walk once.
//
// Apollo Server takes a custom executor through its gateway interface: Apollo still parses,
// validates, prices (limits.ts) and formats errors; only execution is swapped. Mutations
// keep graphql-js, and so does a document until its second request, so that one-off
// documents cost no compilation.
import type { GatewayExecutor, GatewayInterface } from "@apollo/server-gateway-interface";
import { execute, GraphQLError, type DocumentNode, type ExecutionResult, type GraphQLSchema } from "graphql";
import { compileQuery, isCompiledQuery, type CompiledQuery } from "graphql-jit";
import { LRUCache } from "lru-cache";
import type { Logger } from "pino";

/**
 * How many compiled documents are kept, least recently used dropped first. A compiled
 * query is generated code and closures, far larger than its text: kept for every document
 * Apollo's document cache holds, a stream of distinct queries filled the heap. The queries
 * a client application sends are a few dozen, well within this.
 */
export const COMPILED_QUERIES_KEPT = 500;

/** A compiled operation, or "interpret" for one graphql-jit cannot compile. */
type Compiled = CompiledQuery | "interpret";

/** An executor that runs each repeated query document compiled, and anything else with graphql-js. */
export function compiledQueryExecutor(schema: GraphQLSchema, log: Logger, kept = COMPILED_QUERIES_KEPT): GatewayExecutor {
  // Operations asked once, keyed by the parsed document that Apollo's own bounded document
  // cache keeps for each query text: dropped with it.
  const seenOnce = new WeakMap<DocumentNode, Set<string>>();
  // Per document, per operation name (a document may hold several operations).
  const compiled = new LRUCache<DocumentNode, Map<string, Compiled>>({ max: kept });

  /** The compiled query to run, or null for graphql-js (a first request, or not compilable). */
  const compiledFor = (document: DocumentNode, operationName: string | null): CompiledQuery | null => {
    const key = operationName ?? "";
    const byOperation = compiled.get(document);
    let state = byOperation?.get(key);
    if (state === undefined) {
      let seen = seenOnce.get(document);
      if (!seen?.has(key)) {
        if (!seen) seenOnce.set(document, (seen = new Set()));
        seen.add(key);
        return null;
      }
      const result = compileQuery(schema, document, operationName ?? undefined);
      // A document graphql-jit cannot compile is left to graphql-js, which reports its errors.
      state = isCompiledQuery(result) ? result : "interpret";
      if (byOperation) byOperation.set(key, state);
      else compiled.set(document, new Map([[key, state]]));
      log.debug({ operationName, compiledDocuments: compiled.size }, state === "interpret" ? "graphql-jit cannot compile the query: graphql-js runs it" : "query compiled");
    }
    return state === "interpret" ? null : state;
  };

  return async ({ document, operation, operationName, request, context }) => {
    const query = operation.operation === "query" ? compiledFor(document, operationName) : null;
    if (query) {
      const result = (await query.query(undefined, context, request.variables ?? {})) as ExecutionResult;
      return result.errors ? { ...result, errors: result.errors.map(asGraphQLError) } : result;
    }
    return execute({ schema, document, operationName, contextValue: context, variableValues: request.variables });
  };
}

/**
 * graphql-jit's errors as graphql-js makes them. graphql-jit's own error class leaves
 * `extensions` undefined where the thrown error had none, and Apollo reads
 * `extensions.code` of every error: it would answer a bare "Internal server error" without
 * calling the server's error formatter.
 */
function asGraphQLError(error: GraphQLError): GraphQLError {
  const { message, path, originalError, extensions, locations } = error;
  return Object.assign(new GraphQLError(message, { path, originalError, extensions }), { locations });
}

/**
 * Apollo Server's gateway interface, serving a fixed schema with `executor`: the way Apollo
 * takes an executor of one's own.
 */
export function fixedSchemaGateway(schema: GraphQLSchema, executor: GatewayExecutor): GatewayInterface {
  return {
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: "" });
      return () => {};
    },
    load: async () => ({ executor }),
    stop: async () => {},
  };
}
